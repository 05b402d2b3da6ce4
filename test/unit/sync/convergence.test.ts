import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { configArb, historyArb, portfolioArb, TODAY } from './fixtures/portfolio';
import { harness, normalize, refCounts, type Harness } from './fixtures/harness';

const noDuplicates = (h: Harness) => [...refCounts(h.sp.snapshot()).values()].every((n) => n === 1);

/** Runs until a run ends cleanly (nothing failed, nothing cancelled); returns how many runs that took. */
async function settle(h: Harness, allowMassDelete: boolean, max = 12): Promise<number> {
  for (let i = 1; i <= max; i++) {
    const r = await h.sync({ allowMassDelete });
    if (r.run.outcome === 'succeeded' || r.run.outcome === 'held-back') return i;
  }
  throw new Error(`no clean run after ${max} runs`);
}

/** A clean import of `first`, then a clean sync of `second`: the state every other path must reach. */
async function cleanState(first: Parameters<typeof harness>[0], second: Parameters<typeof harness>[0], config: Parameters<typeof harness>[1], allow: boolean) {
  const clean = harness(first, config, TODAY);
  await clean.sync({ allowMassDelete: allow });
  clean.rm.snapshot = second;
  await clean.sync({ allowMassDelete: allow });
  return clean;
}

describe('idempotence and convergence over generated portfolios (property-based)', () => {
  it('after a sync, a new plan is empty', async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb, configArb, async (portfolio, config) => {
        const h = harness(portfolio, config, TODAY);
        const r = await h.sync();
        expect(r.run.outcome).toBe('succeeded');
        expect(r.applied.filter((a) => a.status !== 'done')).toEqual([]);
        expect((await h.replan()).operations).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('after a sync from an earlier state (moves, changes, swaps, deletions), a new plan is empty', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, configArb, fc.boolean(), async ([first, second], config, allow) => {
        const h = harness(first, config, TODAY);
        await h.sync({ allowMassDelete: allow });
        h.rm.snapshot = second;
        const r = await h.sync({ allowMassDelete: allow });
        expect(['succeeded', 'held-back']).toContain(r.run.outcome);
        const again = await h.replan({ allowMassDelete: allow });
        expect(again.operations).toEqual([]);
        expect(again.heldBack.length).toBe(r.heldBack.length);
      }),
      { numRuns: 150 },
    );
  });

  it('crash at any point, then rerun: the end state equals a clean sync, with no duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, configArb, fc.boolean(), fc.nat({ max: 40 }), fc.boolean(), async ([first, second], config, allow, crashAt, afterEffect) => {
        const clean = await cleanState(first, second, config, allow);
        const h = harness(first, config, TODAY);
        await h.sync({ allowMassDelete: allow });
        h.rm.snapshot = second;
        const controller = new AbortController();
        let writes = 0;
        // The "crash": the process dies at the crashAt-th write, before or after it took effect.
        h.sp.fault = ({ write, phase }) => {
          if (!write || phase !== (afterEffect ? 'after' : 'before')) return;
          if (writes++ === crashAt) {
            controller.abort();
            throw new AppError('CANCELLED', 'process killed');
          }
        };
        await h.sync({ allowMassDelete: allow, signal: controller.signal });
        h.sp.fault = null;
        await settle(h, allow);
        expect(normalize(h.sp.snapshot())).toEqual(normalize(clean.sp.snapshot()));
        expect(noDuplicates(h)).toBe(true);
        expect((await h.replan({ allowMassDelete: allow })).operations).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('with a share of SmartPlus calls failing (before or after their effect), reruns converge to the clean state', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, configArb, fc.integer({ min: 1, max: 2 ** 30 }), async ([first, second], config, seed) => {
        const clean = await cleanState(first, second, config, true);
        const h = harness(first, config, TODAY);
        let state = seed;
        const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
        h.sp.fault = ({ phase }) => {
          if (random() < 0.15) throw new AppError(phase === 'before' ? 'SP_UNAVAILABLE' : 'SP_BAD_RESPONSE', 'injected fault', { retryable: true });
        };
        await settle(h, true, 40);
        h.rm.snapshot = second;
        await settle(h, true, 40);
        h.sp.fault = null;
        expect(normalize(h.sp.snapshot())).toEqual(normalize(clean.sp.snapshot()));
        expect(noDuplicates(h)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
