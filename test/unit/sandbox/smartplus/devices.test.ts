import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESET_MACS } from '../../../../src-main/sandbox/smartplus';
import { linkedCommunity, startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.sandbox.admin.activateIntegration(12);
});
afterEach(() => h.close());

const device = (mac: string, extra: Record<string, unknown> = {}) => ({ name: 'Front door', type: 0, mac, location: { scope: 'community' }, ...extra });

describe('devices', () => {
  it('pre-registers 0C1105000001…0C1105000010 and adds a device with its online status', async () => {
    expect(PRESET_MACS).toHaveLength(10);
    expect(PRESET_MACS[0]).toBe('0C1105000001');
    expect(PRESET_MACS[9]).toBe('0C1105000010');
    const { community } = await linkedCommunity(h);
    const added = await h.call('POST', `/communities/${community.id}/devices`, device('0C1105000001'));
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: expect.any(String), name: 'Front door', type: 0, mac: '0C1105000001', location: { scope: 'community' }, online: expect.any(Boolean), lastSeenAt: expect.any(String) });
    expect((await h.call('GET', `/communities/${community.id}/devices`)).body.total).toBe(1);
  });

  it('answers 422 MAC_NOT_REGISTERED for a MAC outside the library, until it is registered', async () => {
    const { community } = await linkedCommunity(h);
    const refused = await h.call('POST', `/communities/${community.id}/devices`, device('AABBCCDDEEFF'));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('MAC_NOT_REGISTERED');
    h.sandbox.admin.registerMacs(['AABBCCDDEEFF']);
    expect((await h.call('POST', `/communities/${community.id}/devices`, device('AABBCCDDEEFF'))).status).toBe(201);
  });

  it('answers 409 mac for a MAC already added anywhere, and 422 for bad MACs, types and locations', async () => {
    const a = await linkedCommunity(h, 'property:1');
    const b = await linkedCommunity(h, 'property:2');
    await h.call('POST', `/communities/${a.community.id}/devices`, device('0C1105000002'));
    const dup = await h.call('POST', `/communities/${b.community.id}/devices`, device('0C1105000002'));
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.conflict).toBe('mac');
    expect((await h.call('POST', `/communities/${a.community.id}/devices`, device('0c:11:05:00:00:03'))).status).toBe(422);
    expect((await h.call('POST', `/communities/${a.community.id}/devices`, device('0C1105000003', { type: 7 }))).status).toBe(422);
    const elsewhere = await h.call('POST', `/communities/${a.community.id}/devices`, device('0C1105000003', { location: { scope: 'building', id: b.building.id } }));
    expect(elsewhere.status).toBe(422);
  });

  it('patches and deletes devices', async () => {
    const { community, building } = await linkedCommunity(h);
    const added = (await h.call('POST', `/communities/${community.id}/devices`, device('0C1105000004'))).body;
    const moved = await h.call('PATCH', `/devices/${added.id}`, { name: 'Lobby', location: { scope: 'building', id: building.id } });
    expect(moved.body).toMatchObject({ name: 'Lobby', location: { scope: 'building', id: building.id } });
    expect((await h.call('DELETE', `/devices/${added.id}`)).status).toBe(204);
    expect((await h.call('POST', `/communities/${community.id}/devices`, device('0C1105000004'))).status).toBe(201);
  });

  it('changes online status over time', async () => {
    const { community } = await linkedCommunity(h);
    const added = (await h.call('POST', `/communities/${community.id}/devices`, device('0C1105000005'))).body;
    const seen = new Set<boolean>();
    for (let minute = 0; minute < 10; minute++) {
      h.clock.advance(60_000);
      h.token = await h.signIn();
      const listed = (await h.call('GET', `/communities/${community.id}/devices`)).body.items[0];
      expect(listed.id).toBe(added.id);
      seen.add(listed.online);
    }
    expect(seen).toEqual(new Set([true, false]));
  });
});

describe('state file', () => {
  it('persists state across a restart when a state file is given', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-sandbox-'));
    const stateFile = path.join(dir, 'smartplus.json');
    const first = await startHarness({ stateFile });
    first.sandbox.admin.activateIntegration(12);
    const { community } = await linkedCommunity(first);
    await first.close();
    const second = await startHarness({ stateFile });
    const again = await second.call('GET', `/communities/${community.id}`);
    expect(again.body).toEqual(community);
    expect((await second.call('GET', '/billing/subscriptions')).body[0].status).toBe('active');
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
