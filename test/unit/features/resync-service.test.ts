import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src-shared/domain/policy';
import type { RunRecord } from '../../../src-shared/domain/run';
import type { SiteSummary } from '../../../src-shared/domain/site';
import { AppError } from '../../../src-shared/errors';
import { createResyncService } from '../../../src-main/features/resync-service';
import type { SiteRunRequest, SiteRunResult } from '../../../src-main/features/site-sync-types';
import { createLogger, memorySink } from '../../../src-main/logging/logger';

/** A site summary with only what the resync rules read mattering. */
function site(id: string, connectionId: string | null, pause: SiteSummary['pause'] = null): SiteSummary {
  return {
    pause,
    id,
    name: id,
    customerId: null,
    connectionId,
    propertyId: 1,
    communityId: null,
    smartPlusAccountId: null,
    policy: DEFAULT_POLICY,
    subscription: 'active',
    subscriptionEndsAt: null,
    createdAt: '2026-11-27T10:00:00.000Z',
    asOf: null,
    apartmentCount: 0,
    lastRun: null,
  };
}

/** The resync service over fixed sites and a runSite that records what it was asked. */
function rig(online: boolean, refuse: Record<string, AppError> = {}, sites = [site('a', 'rm-1'), site('b', null), site('c', 'rm-1')]) {
  const asked: SiteRunRequest[] = [];
  const emitted: Array<{ event: string; payload: unknown }> = [];
  const service = createResyncService({
    db: { sites: { listSummaries: () => sites } },
    log: createLogger(memorySink()),
    events: { emit: (event, payload) => void emitted.push({ event, payload }) },
    isOnline: () => online,
    sync: {
      async runSite(request): Promise<SiteRunResult> {
        const refused = refuse[request.siteId];
        if (refused) throw refused;
        asked.push(request);
        return { runId: `run-${request.siteId}`, joined: false, done: new Promise<RunRecord>(() => {}) };
      },
    },
  });
  return { service, asked, emitted };
}

describe('resync service (the in-app buttons and the tray/menu "Resync all")', () => {
  it('says what it started and left out as sync.resyncedAll, so the Overview shows the tray\'s and menu\'s result too', async () => {
    const { service, emitted } = rig(true, {}, [site('a', 'rm-1'), site('p', 'rm-1', { pausedAt: '2026-12-01T10:00:00.000Z', reason: 'Roof works' })]);
    const all = await service.resyncAll();
    expect(emitted).toEqual([{ event: 'sync.resyncedAll', payload: all }]);
    expect(all.skipped).toEqual([{ siteId: 'p', code: 'PAUSED', reason: expect.stringContaining('Paused (Roof works)') }]);
  });

  it('online: starts every site with a connection as a manual run, and skips the one without', async () => {
    const { service, asked } = rig(true);
    const all = await service.resyncAll();
    expect(all.started).toEqual([
      { siteId: 'a', runId: 'run-a', joined: false },
      { siteId: 'c', runId: 'run-c', joined: false },
    ]);
    expect(all.skipped).toEqual([{ siteId: 'b', code: 'NOT_READY', reason: expect.stringContaining('Connections') }]);
    expect(asked).toEqual([
      { siteId: 'a', trigger: 'manual' },
      { siteId: 'c', trigger: 'manual' },
    ]);
  });

  it('offline: starts nothing and says why for every site', async () => {
    const { service, asked } = rig(false);
    const all = await service.resyncAll();
    expect(all.started).toEqual([]);
    expect(all.skipped.map((s) => [s.siteId, s.code])).toEqual([
      ['a', 'OFFLINE'],
      ['b', 'OFFLINE'],
      ['c', 'OFFLINE'],
    ]);
    expect(asked).toEqual([]);
    await expect(service.resync('a')).rejects.toMatchObject({ code: 'OFFLINE' });
  });

  it('an unpaid site is skipped as SUBSCRIPTION_REQUIRED and the others still start', async () => {
    const { service } = rig(true, { a: new AppError('SUBSCRIPTION_REQUIRED', 'The Integration service is not paid.') });
    const all = await service.resyncAll();
    expect(all.started.map((s) => s.siteId)).toEqual(['c']);
    expect(all.skipped.map((s) => [s.siteId, s.code])).toEqual([
      ['a', 'SUBSCRIPTION_REQUIRED'],
      ['b', 'NOT_READY'],
    ]);
  });

  it('a paused site is skipped as PAUSED with its reason (button, tray and menu alike); includePaused runs it too', async () => {
    const sites = [site('a', 'rm-1'), site('lakeside', 'rm-1', { pausedAt: '2026-11-20T10:00:00.000Z', reason: 'Roof works' }), site('c', 'rm-1')];
    const { service, asked } = rig(true, {}, sites);
    const all = await service.resyncAll();
    expect(all.started.map((s) => s.siteId)).toEqual(['a', 'c']);
    expect(all.skipped).toEqual([{ siteId: 'lakeside', code: 'PAUSED', reason: 'Paused (Roof works): resync it from its own row if it must run now.' }]);
    expect(asked.map((r) => r.siteId)).toEqual(['a', 'c']);

    const withPaused = await service.resyncAll({ includePaused: true });
    expect(withPaused.started.map((s) => s.siteId)).toEqual(['a', 'lakeside', 'c']);
    expect(withPaused.skipped).toEqual([]);
    expect(asked.filter((r) => r.siteId === 'lakeside')).toEqual([{ siteId: 'lakeside', trigger: 'manual' }]);
  });
});
