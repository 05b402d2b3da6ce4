import { describe, expect, it } from 'vitest';
import type { Overview } from '../../src-shared/ipc/contract/overview';
import { createOverviewStore } from '../../src-renderer/stores/overview-store';
import { createFakeBridge } from './helpers/fake-bridge';
import { overview, site } from './helpers/sync-fixtures';

/** A bridge whose `overview.get` answers only when the test releases it, with main's state as it is at that moment's read. */
function heldOverview() {
  const fake = createFakeBridge();
  let mainState: Overview = overview([site({ removalsDue: null })]);
  const waiting: Array<() => void> = [];
  fake.respond('overview.get', () => {
    // Main reads its state when the call arrives, as overview-service.ts does.
    const read = mainState;
    return new Promise<Overview>((resolve) => waiting.push(() => resolve(read)));
  });
  return {
    fake,
    setMain: (next: Overview) => (mainState = next),
    release: () => waiting.shift()?.(),
    pending: () => waiting.length,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('overview store', () => {
  it('a load asked for while one is in flight reads main again after it: the change made meanwhile is shown', async () => {
    const held = heldOverview();
    const store = createOverviewStore(held.fake.bridge);
    const first = store.getState().load();
    await settle();
    // While the first answer is on its way, the site's policy changes in main and the Overview asks again.
    const due = overview([site({ pause: { pausedAt: '2026-12-02T10:00:00.000Z', reason: null }, removalsDue: { count: 3, since: '2026-12-02', deletion: 'move-out' } })]);
    held.setMain(due);
    const second = store.getState().load();
    const third = store.getState().load();
    held.release();
    await first;
    await settle();
    expect(held.pending()).toBe(1);
    held.release();
    await Promise.all([second, third]);
    expect(store.getState().overview.value?.customers[0]!.sites[0]!.removalsDue).toEqual({ count: 3, since: '2026-12-02', deletion: 'move-out' });
    // Two callers while one was in flight share one more read, not one each.
    expect(held.fake.calls.filter((c) => c.channel === 'overview.get')).toHaveLength(2);
  });

  it('an event during a load (the network gone) is not lost in the answer that was already under way', async () => {
    const held = heldOverview();
    const store = createOverviewStore(held.fake.bridge);
    const first = store.getState().load();
    await settle();
    held.setMain(overview([site()], { online: false }));
    held.fake.emit('app.onlineChanged', { online: false, since: '2026-12-02T10:00:00.000Z' });
    held.release();
    await first;
    await settle();
    held.release();
    await settle();
    expect(store.getState().overview.value?.online).toBe(false);
  });
});
