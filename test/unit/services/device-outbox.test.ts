import { describe, expect, it } from 'vitest';
import type { DeviceDraft } from '../../../src-shared/domain/device';
import { AppError } from '../../../src-shared/errors';
import { type AddDevice, DeviceOutbox } from '../../../src-main/services/device-outbox';
import { OnlineState } from '../../../src-main/services/online-state';
import { dbWithSite } from '../db/fixtures';

const draft = (n: number): DeviceDraft => ({
  name: `Door ${n}`,
  type: 0,
  mac: `0C1105AABB${n.toString(16).toUpperCase().padStart(2, '0')}`,
  location: { scope: 'community' },
});

/** A fake SmartPlus that records additions, can be told to fail per MAC, or to be unreachable. */
function fakeSmartPlus(online: OnlineState) {
  const added: string[] = [];
  const failures = new Map<string, AppError>();
  let calls = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const addDevice: AddDevice = async (_siteId, device) => {
    calls++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 1));
    inFlight--;
    if (!online.online) throw new AppError('OFFLINE', 'no network');
    const failure = failures.get(device.mac);
    if (failure) throw failure;
    added.push(device.name);
    return { id: `dev-${device.mac}` };
  };
  return { addDevice, added, failures, stats: () => ({ calls, maxInFlight }) };
}

async function setup(initiallyOnline: boolean) {
  const local = await dbWithSite();
  const online = new OnlineState(initiallyOnline);
  const sp = fakeSmartPlus(online);
  const outbox = new DeviceOutbox({ repo: local.outbox, addDevice: sp.addDevice, online, macInUse: (mac) => local.devices.macInUse(mac) });
  return { local, online, sp, outbox };
}

describe('DeviceOutbox', () => {
  it('queues additions made offline and sends them in order when back online, once', async () => {
    const { online, sp, outbox } = await setup(false);
    const stop = outbox.attach();
    for (const n of [1, 2, 3]) expect((await outbox.add('site-1', draft(n))).status).toBe('queued');
    expect(sp.stats().calls).toBe(0);
    online.reportOs(true);
    await outbox.flush();
    await outbox.flush();
    expect(sp.added).toEqual(['Door 1', 'Door 2', 'Door 3']);
    expect(outbox.list().map((i) => [i.status, i.deviceId])).toEqual([
      ['sent', 'dev-0C1105AABB01'],
      ['sent', 'dev-0C1105AABB02'],
      ['sent', 'dev-0C1105AABB03'],
    ]);
    expect(sp.stats()).toEqual({ calls: 3, maxInFlight: 1 });
    stop();
  });

  it('sends at once when online', async () => {
    const { sp, outbox } = await setup(true);
    const item = await outbox.add('site-1', draft(1));
    expect(item).toMatchObject({ status: 'sent', deviceId: 'dev-0C1105AABB01', attempts: 1 });
    expect(sp.added).toEqual(['Door 1']);
  });

  it('records a failure on its item, goes on with the rest, and lets the user retry it', async () => {
    const { online, sp, outbox } = await setup(false);
    for (const n of [1, 2, 3]) outbox.enqueue('site-1', draft(n));
    sp.failures.set(draft(2).mac, new AppError('SP_MAC_NOT_REGISTERED', 'This MAC is not registered with Akuvox.'));
    const changes: string[] = [];
    outbox.onChange((i) => changes.push(`${i.id}:${i.status}`));
    online.reportOs(true);
    expect(await outbox.flush()).toEqual({ sent: 2, failed: 1, waiting: 0 });
    const failed = outbox.list().find((i) => i.status === 'failed')!;
    expect(failed).toMatchObject({ errorCode: 'SP_MAC_NOT_REGISTERED', error: 'This MAC is not registered with Akuvox.' });
    expect(changes).toContain(`${failed.id}:failed`);
    sp.failures.clear();
    expect(await outbox.retry(failed.id)).toMatchObject({ status: 'sent', error: null, attempts: 2 });
    expect(sp.added).toEqual(['Door 1', 'Door 3', 'Door 2']);
  });

  it('pauses, keeping order, when the network drops mid-flush', async () => {
    const { online, sp, outbox } = await setup(true);
    sp.failures.set(draft(2).mac, new AppError('OFFLINE', 'network gone'));
    for (const n of [1, 2, 3]) outbox.enqueue('site-1', draft(n));
    expect(await outbox.flush()).toEqual({ sent: 1, failed: 0, waiting: 2 });
    expect(online.online).toBe(false);
    expect(outbox.list().map((i) => i.status)).toEqual(['sent', 'queued', 'queued']);
    expect(outbox.list()[1]).toMatchObject({ errorCode: 'OFFLINE' });
    sp.failures.clear();
    online.reportOs(true);
    await outbox.flush();
    expect(sp.added).toEqual(['Door 1', 'Door 2', 'Door 3']);
  });

  it('joins concurrent flushes into one and never sends an item twice', async () => {
    const { online, sp, outbox } = await setup(false);
    for (const n of [1, 2, 3, 4]) outbox.enqueue('site-1', draft(n));
    online.reportOs(true);
    const results = await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    expect(results[0]).toBe(results[1]);
    expect(sp.stats()).toEqual({ calls: 4, maxInFlight: 1 });
  });

  it('treats a 409 on an item left sending by a crash as delivered', async () => {
    const { local, sp, outbox } = await setup(true);
    const item = local.outbox.enqueue('site-1', draft(1));
    local.outbox.markSending(item.id);
    sp.failures.set(draft(1).mac, new AppError('SP_CONFLICT', 'MAC exists'));
    expect(await outbox.flush()).toEqual({ sent: 1, failed: 0, waiting: 0 });
    expect(local.outbox.get(item.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('refuses a MAC that is queued or already synced', async () => {
    const { outbox } = await setup(false);
    outbox.enqueue('site-1', draft(1));
    expect(() => outbox.enqueue('site-1', draft(1))).toThrow(/0C:11:05:AA:BB:01 already exists/);
  });
});
