import { describe, expect, it } from 'vitest';
import { runSiteSync } from '../../../src-main/sync/engine';
import { MemorySmartPlus } from '../../fakes/memory-smartplus';
import { MemoryRentManager } from '../../fakes/memory-stores';
import { contact, occupant, rm, site, tenant } from '../sync/fixtures/world';
import { dbWithSite } from './fixtures';

// The sync engine on the real local database: its JournalPort and RunStorePort backed by
// SQLite, and the SmartPlus state it leaves saved as the site's browsable mirror.
describe('the sync engine on the local database', () => {
  it('records runs, problems and the journal, and the saved mirror browses with the run problems', async () => {
    const local = await dbWithSite();
    const smartPlus = new MemorySmartPlus();
    const rentManager = new MemoryRentManager(
      rm([
        tenant(1, { pin: '2468', rf: '0a1b', contacts: [contact(11, 1), occupant(12, 1)] }),
        tenant(2, { unit: 102, pin: '1357' }),
        tenant(3, { unit: 103, moveIn: null }),
      ]),
    );
    let n = 0;
    const sync = () =>
      runSiteSync({
        site: { id: 'site-1' },
        config: site(),
        ports: { rentManager, smartPlus, journal: local.journal, runs: local.runs },
        trigger: 'manual',
        today: '2026-06-01',
        newRunId: () => `run-${++n}`,
        clock: () => new Date(`2026-06-01T07:0${n}:00Z`),
      });

    const first = await sync();
    expect(first.run.outcome).toBe('succeeded');
    expect(await local.runs.getRun(first.run.id)).toEqual(first.run);
    expect((await local.runs.listProblems(first.run.id)).map((p) => p.kind)).toEqual(['missing-date']);
    const journal = await local.journal.list(first.run.id);
    expect(journal.length).toBeGreaterThan(0);
    expect(journal.filter((e) => e.state === 'succeeded')).toHaveLength(journal.length / 2);
    expect(JSON.stringify(journal)).not.toMatch(/2468|1357/);
    expect(local.runs.lastCompletedRunAt('site-1')).toBe(first.run.startedAt);

    const [state] = smartPlus.snapshot().communities;
    local.siteState.saveSiteState('site-1', state!, first.run.endedAt!);
    const page = local.apartments.listApartments({ siteId: 'site-1' });
    expect(page.rows.map((r) => r.name)).toEqual(['Apt 101', 'Apt 102', 'Apt 103']);
    expect(local.apartments.listApartments({ siteId: 'site-1', filter: 'problems' }).rows.map((r) => r.name)).toEqual(['Apt 103']);
    expect(local.apartments.listApartments({ siteId: 'site-1', search: '0A1B' }).rows.map((r) => r.name)).toEqual(['Apt 101']);
    const withPin = state!.residents.find((r) => r.pin === '2468')!;
    expect(local.siteState.revealPin(withPin.id)).toBe('2468');

    const second = await sync();
    expect(second.applied).toEqual([]);
    expect((await local.runs.listRuns('site-1')).map((r) => r.id)).toEqual(['run-2', 'run-1']);
  });
});
