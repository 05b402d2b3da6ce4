import { describe, expect, it } from 'vitest';
import { createCatchUp } from '../../../src-main/background/catch-up';

function rig(lastRuns: Record<string, string | null>) {
  let now = new Date('2026-03-09T12:00:00Z');
  const history = new Map(Object.entries(lastRuns).map(([k, v]) => [k, v ? new Date(v) : null]));
  const started: string[] = [];
  let nextOutcome: { outcome: string; errorCode: string | null } = { outcome: 'succeeded', errorCode: null };
  const catchUp = createCatchUp({
    now: () => now,
    schedule: () => ({ time: '07:00', zone: 'UTC', lightSyncMinutes: null }),
    siteIds: () => [...history.keys()],
    lastFullRun: (id) => history.get(id) ?? null,
    isRunning: () => false,
    async runFull(id) {
      started.push(id);
      const ended = nextOutcome;
      if (ended.outcome === 'succeeded') history.set(id, now);
      return ended;
    },
    runLight: async () => undefined,
  });
  return { catchUp, started, setNow: (iso: string) => (now = new Date(iso)), failNext: (code: string) => (nextOutcome = { outcome: 'failed', errorCode: code }), succeedNext: () => (nextOutcome = { outcome: 'succeeded', errorCode: null }) };
}

describe('the app’s catch-up on resume and network-back', () => {
  it('resume and network-back together make one run per missed slot; a never-run site is left to its import', async () => {
    const r = rig({ oak: '2026-03-06T07:00:00Z', elm: null });
    await Promise.all([r.catchUp.run('resume'), r.catchUp.run('network-back')]);
    expect(r.started).toEqual(['oak']);
    await r.catchUp.run('resume');
    expect(r.started).toEqual(['oak']);
  });

  it('an offline failure is retried once when the network is back; any other failure waits for the next slot', async () => {
    const r = rig({ oak: '2026-03-06T07:00:00Z' });
    r.failNext('OFFLINE');
    await r.catchUp.run('resume');
    await r.catchUp.run('resume');
    expect(r.started).toEqual(['oak']);
    r.failNext('SP_UNAVAILABLE');
    await r.catchUp.run('network-back');
    expect(r.started).toEqual(['oak', 'oak']);
    await r.catchUp.run('network-back');
    expect(r.started).toEqual(['oak', 'oak']);
    // The next day's slot is a new slot.
    r.succeedNext();
    r.setNow('2026-03-10T09:00:00Z');
    await r.catchUp.run('resume');
    expect(r.started).toEqual(['oak', 'oak', 'oak']);
  });
});
