import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentials, siteConfig, startWorld, type SandboxWorld } from './helpers/world';

// Issue 12, "Never lock a building out": credential removals are guarded like deletions.
// Each case runs the engine against both sandboxes over HTTP and compares SmartPlus before and after.
let w: SandboxWorld;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => w.close());

describe('no field chosen leaves that credential alone', () => {
  it.each([
    ['no PIN field', { pinField: undefined }, 'pin'],
    ['no RF card field', { rfCardField: undefined }, 'rfCards'],
    ['no field at all', { pinField: undefined, rfCardField: undefined }, 'both'],
  ] as const)('%s: a resync removes and sets nothing of it', async (_name, change, which) => {
    const full = siteConfig();
    expect((await w.sync(full)).run.outcome).toBe('succeeded');
    const before = credentials(await w.smartPlus(full));
    expect([...before.values()].some((c) => c.pin !== null)).toBe(true);
    expect([...before.values()].some((c) => c.rfCards.length > 0)).toBe(true);
    const partial = siteConfig(change);
    const r = await w.sync(partial);
    expect(r.run.outcome).toBe('succeeded');
    const touched = r.applied.filter((a) => (which !== 'rfCards' && /pin$/.test(a.kind)) || (which !== 'pin' && /rf-cards$/.test(a.kind)));
    expect(touched).toEqual([]);
    expect(r.run.counts.credentialsRemoved).toBe(0);
    expect(credentials(await w.smartPlus(full))).toEqual(before);
  });
});
