import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRow, OutboxItem } from '../../../src-shared/domain/device';
import type { ApartmentListPage } from '../../../src-shared/ipc/contract/apartments';
import type { DeviceAddResult, DeviceList } from '../../../src-shared/ipc/contract/devices';
import { PRESET_MACS } from '../../../src-main/sandbox/smartplus';
import { err, ok } from './sites-rig';
import { type BrowseRig, RM, startBrowseRig } from './browse-rig';

let rig: BrowseRig;
beforeAll(async () => {
  rig = await startBrowseRig({ custom: 6 });
}, 60_000);
afterAll(() => rig.close());

const draft = (mac: string, name: string, location: object = { scope: 'community' }) => ({ name, type: 0, mac, location });
const list = async (refresh = true) => ok<DeviceList>(await rig.call('devices.list', { siteId: rig.site.id, refresh }));
const spDevices = async () => (await (await rig.services.ctx.clients.smartPlus(RM)).devices.list(rig.site.communityId!, { pageSize: 500 })).items;

const mine = (items: OutboxItem[]) => items.filter((i) => ['Pool gate', 'Unknown box', 'Gym door'].includes(i.device.name));

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('devices online', () => {
  it('adds a registered MAC to SmartPlus and the local copy, with its live status', async () => {
    const added = ok<DeviceAddResult>(await rig.call('devices.add', { siteId: rig.site.id, device: draft(PRESET_MACS[0]!, 'Lobby door') }));
    expect(added).toMatchObject({ outcome: 'added', device: { name: 'Lobby door', mac: PRESET_MACS[0], location: { scope: 'community' } } });
    expect((await spDevices()).map((d) => d.mac)).toEqual([PRESET_MACS[0]]);
    const live = await list();
    expect(live).toMatchObject({ live: true, staleReason: null });
    expect(live.devices.map((d) => d.name)).toEqual(['Lobby door']);
    expect(typeof live.devices[0]!.online).toBe('boolean');
    expect(live.asOf).toBeTruthy();
  });

  it('explains an unregistered MAC with the next step, and queues nothing', async () => {
    const e = err(await rig.call('devices.add', { siteId: rig.site.id, device: draft('AABBCCDDEEFF', 'Back door') }));
    expect(e).toMatchObject({ code: 'SP_MAC_NOT_REGISTERED', message: expect.stringContaining('distributor') });
    expect((await list(false)).outbox).toEqual([]);
  });

  it('refuses a MAC that is already used, before asking SmartPlus', async () => {
    const e = err(await rig.call('devices.add', { siteId: rig.site.id, device: draft(PRESET_MACS[0]!, 'Again') }));
    expect(e).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('0C:11:05:00:00:01') });
    expect(err(await rig.call('devices.add', { siteId: rig.site.id, device: draft('0c:11:05:00:00:01', 'Raw') })).code).toBe('BAD_INPUT');
  });

  it('places devices in Building 1 and in one apartment, edits and removes them', async () => {
    const apt = ok<ApartmentListPage>(await rig.call('apartments.list', { siteId: rig.site.id })).rows.find((r) => r.synced)!;
    const inBuilding = ok<DeviceAddResult>(await rig.call('devices.add', { siteId: rig.site.id, device: draft(PRESET_MACS[1]!, 'Garage', { scope: 'building' }) }));
    expect(inBuilding.outcome === 'added' && inBuilding.device.location).toEqual({ scope: 'building', id: expect.any(String) });
    const inApt = ok<DeviceAddResult>(await rig.call('devices.add', { siteId: rig.site.id, device: { ...draft(PRESET_MACS[2]!, 'Monitor', { scope: 'apartment', id: apt.id }), type: 2 } }));
    expect(inApt.outcome).toBe('added');
    const deviceId = inApt.outcome === 'added' ? inApt.device.id : '';
    expect(ok<{ devices: DeviceRow[] }>(await rig.call('apartments.get', { apartmentId: apt.id })).devices.map((d) => d.name)).toEqual(['Monitor']);
    expect((await list(false)).apartmentNames[apt.id]).toBe(apt.name);

    const edited = ok<DeviceRow>(await rig.call('devices.update', { siteId: rig.site.id, deviceId, patch: { name: 'Kitchen monitor', location: { scope: 'community' } } }));
    expect(edited).toMatchObject({ name: 'Kitchen monitor', location: { scope: 'community' } });
    expect((await spDevices()).find((d) => d.id === deviceId)).toMatchObject({ name: 'Kitchen monitor', location: { scope: 'community' } });

    expect(ok(await rig.call('devices.remove', { siteId: rig.site.id, deviceId }))).toBeUndefined();
    expect((await spDevices()).some((d) => d.id === deviceId)).toBe(false);
    expect((await list(false)).devices.some((d) => d.id === deviceId)).toBe(false);
  });
});

describe('SmartPlus busy while online', () => {
  it('queues an addition SmartPlus cannot take now, and sends it at the next refresh', async () => {
    const smartPlus = rig.services.sandbox!.smartPlus;
    smartPlus.admin.faults({ share: 1, statuses: [503] });
    let result: DeviceAddResult;
    try {
      result = ok<DeviceAddResult>(await rig.call('devices.add', { siteId: rig.site.id, device: draft(PRESET_MACS[8]!, 'Roof hatch') }));
    } finally {
      smartPlus.admin.faults(null);
    }
    expect(result).toMatchObject({ outcome: 'queued', item: { status: 'queued' } });
    expect(rig.services.ctx.isOnline()).toBe(true);
    await list();
    await until(async () => (await list(false)).outbox.find((i) => i.device.name === 'Roof hatch')?.status === 'sent', 'the busy addition to be sent');
    expect((await spDevices()).filter((d) => d.mac === PRESET_MACS[8])).toHaveLength(1);
  }, 60_000);
});

describe('devices offline: the outbox', () => {
  it('queues additions while offline, sends them in order when back online, and surfaces a failure', async () => {
    const before = (await spDevices()).length;
    await rig.services.sandbox!.setNetworkDown(true);
    try {
      const stale = await list();
      expect(stale).toMatchObject({ live: false, staleReason: expect.stringContaining('last known') });
      expect(stale.devices.map((d) => d.name)).toContain('Lobby door');
      expect(rig.services.ctx.isOnline()).toBe(false);

      const queued = [];
      for (const [mac, name] of [[PRESET_MACS[3]!, 'Pool gate'], ['AABBCCDDEE00', 'Unknown box'], [PRESET_MACS[4]!, 'Gym door']] as const) {
        const r = ok<DeviceAddResult>(await rig.call('devices.add', { siteId: rig.site.id, device: draft(mac, name) }));
        expect(r.outcome).toBe('queued');
        if (r.outcome === 'queued') queued.push(r.item);
      }
      expect(queued.map((i) => i.status)).toEqual(['queued', 'queued', 'queued']);
      expect(mine((await list()).outbox).map((i) => [i.device.name, i.status])).toEqual([['Pool gate', 'queued'], ['Unknown box', 'queued'], ['Gym door', 'queued']]);
      expect(err(await rig.call('devices.add', { siteId: rig.site.id, device: draft(PRESET_MACS[3]!, 'Twice') })).code).toBe('BAD_INPUT');
      expect(err(await rig.call('devices.update', { siteId: rig.site.id, deviceId: 'x', patch: { name: 'y' } })).code).toBe('OFFLINE');
    } finally {
      await rig.services.sandbox!.setNetworkDown(false);
    }
    rig.services.reportOsOnline(true);
    await until(async () => (await list(false)).outbox.every((i) => i.status === 'sent' || i.status === 'failed'), 'the outbox to drain');

    const outbox = mine((await list(false)).outbox);
    expect(outbox.map((i) => [i.device.name, i.status])).toEqual([['Pool gate', 'sent'], ['Unknown box', 'failed'], ['Gym door', 'sent']]);
    expect(outbox[1]).toMatchObject({ errorCode: 'SP_MAC_NOT_REGISTERED', error: expect.stringContaining('MAC library') });
    const sp = await spDevices();
    expect(sp).toHaveLength(before + 2);
    // Sent in queue order: SmartPlus IDs grow with creation.
    const ids = ['Pool gate', 'Gym door'].map((n) => sp.find((d) => d.name === n)!.id);
    expect(Number(ids[0]!.replace(/\D/g, ''))).toBeLessThan(Number(ids[1]!.replace(/\D/g, '')));
    expect((await list(false)).devices.map((d) => d.name)).toEqual(expect.arrayContaining(['Pool gate', 'Gym door']));
    const events = rig.events.filter((e) => e.event === 'devices.outboxChanged').map((e) => e.payload as OutboxItem);
    expect(events.some((e) => e.device.name === 'Unknown box' && e.status === 'failed')).toBe(true);

    // Retry after the distributor registered it: it goes through; a discarded failure is gone.
    rig.services.sandbox!.smartPlus.admin.registerMacs(['AABBCCDDEE00']);
    expect(ok<OutboxItem>(await rig.call('devices.retry', { id: outbox[1]!.id })).status).toBe('sent');
    expect((await spDevices()).some((d) => d.mac === 'AABBCCDDEE00')).toBe(true);
    expect(ok(await rig.call('devices.discard', { id: outbox[1]!.id }))).toBeUndefined();
    expect((await list(false)).outbox.map((i) => i.id)).not.toContain(outbox[1]!.id);
    expect(err(await rig.call('devices.discard', { id: outbox[1]!.id })).code).toBe('NOT_FOUND');
  }, 90_000);
});
