import { describe, expect, it } from 'vitest';
import type { RunsService } from '../../src-main/features/runs-service';
import type { SitesService } from '../../src-main/features/sites-service';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createRunsHandlers } from '../../src-main/ipc/handlers/runs-handlers';
import { createSitesHandlers, credentialsStopped } from '../../src-main/ipc/handlers/sites-handlers';
import { type ConfirmPort, createIntentChecks } from '../../src-main/ipc/intent';
import { transportTestHandlers } from '../unit/helpers/handler-map';

// Issue 12, "intent checks live in main": the handlers ask the ConfirmPort, and anything but a
// clear "yes" — no port at all, a dialog that fails, Cancel — changes nothing.

const now = () => new Date('2026-12-02T15:30:00.000Z');

function runsRig(confirm?: ConfirmPort) {
  const confirmed: string[] = [];
  const runs = {
    get: async (runId: string) => ({ run: { id: runId, siteName: 'Maple Court' }, heldBack: [{ id: 'h1' }, { id: 'h2' }], problemCounts: {}, heldBackReason: null }),
    confirmHeldBack: async (runId: string) => {
      confirmed.push(runId);
      throw new Error('not reached in these tests');
    },
  } as unknown as RunsService;
  const handlers = transportTestHandlers(createRunsHandlers(runs, createIntentChecks({ ...(confirm ? { confirm } : {}), now })));
  return { call: () => dispatch(handlers, 'runs.confirmHeldBack', { runId: 'run-1' }), confirmed };
}

function sitesRig(confirm: ConfirmPort) {
  const saved: unknown[] = [];
  const sites = {
    list: () => [{ id: 'site-1', name: 'Maple Court', policy: { pinField: 7, rfCardField: 'RF Card' } }],
    updatePolicy: (_siteId: string, policy: unknown) => {
      saved.push(policy);
      return policy;
    },
  } as unknown as SitesService;
  const handlers = transportTestHandlers(createSitesHandlers(sites, createIntentChecks({ confirm, now })));
  return { call: (policy: unknown) => dispatch(handlers, 'sites.updatePolicy', { siteId: 'site-1', policy }), saved };
}

describe('a held-back confirmation without a clear yes changes nothing', () => {
  it.each([
    ['no confirmation port (a host that forgot it)', undefined],
    ['Cancel', async () => false],
    ['a dialog that fails to open', async () => { throw new Error('no display'); }],
    ['an answer that is not a boolean', async () => 'yes' as unknown as boolean],
  ] as Array<[string, ConfirmPort | undefined]>)('%s: NOT_CONFIRMED, the service is never called', async (_name, port) => {
    const r = runsRig(port);
    expect(await r.call()).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
    expect(r.confirmed).toEqual([]);
  });
});

describe('stopping credential sync without a clear yes changes nothing', () => {
  it.each([
    ['PIN field to none', { rfCardField: 'RF Card' }],
    ['RF card field to none', { pinField: 7 }],
    ['both to none', {}],
  ])('%s with Cancel: NOT_CONFIRMED, nothing saved', async (_name, policy) => {
    const r = sitesRig(async () => false);
    expect(await r.call(policy)).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
    expect(r.saved).toEqual([]);
  });

  it('a policy that keeps both fields is saved without a question', async () => {
    let asked = 0;
    const r = sitesRig(async () => ((asked += 1), false));
    expect(await r.call({ pinField: 7, rfCardField: 'RF Card', graceDays: 3 })).toMatchObject({ ok: true });
    expect(asked).toBe(0);
  });

  it('credentialsStopped names exactly the fields that went from chosen to none', () => {
    expect(credentialsStopped({ pinField: 7 }, {})).toEqual(['PINs']);
    expect(credentialsStopped({ rfCardField: 'RF' }, {})).toEqual(['RF cards']);
    expect(credentialsStopped({ pinField: 7, rfCardField: 'RF' }, {})).toEqual(['PINs', 'RF cards']);
    expect(credentialsStopped({}, { pinField: 7 })).toEqual([]);
    expect(credentialsStopped({ pinField: 7 }, { pinField: 8 })).toEqual([]);
  });
});
