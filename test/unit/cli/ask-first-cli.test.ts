import { describe, expect, it } from 'vitest';
import { runCli, siteConfigFile, smartPlusState } from '../../support/cli-harness';
import { cliWorldForFile } from '../../support/cli-world-hooks';

// Issue 15, "Ask me first" from the command line: `sync --plan-only` records the plan as a run
// that waits and writes nothing; `approve --run` applies it (re-planned, what is still valid).
const PROPERTY = 4;
const site = siteConfigFile({ properties: [PROPERTY], pinField: 'Door PIN', rfCardField: 'RF Card' });
const world = cliWorldForFile();

describe('sync --plan-only, then approve --run', () => {
  it('writes nothing until approved, then applies the whole plan', async () => {
    const env = world().env();
    const planned = await runCli(['sync', '--site-config', site, '--plan-only', '--json'], env);
    expect(planned.code, planned.stderr).toBe(3);
    const waiting = JSON.parse(planned.stdout) as { run: { id: string; awaitingApproval: boolean; heldBackCount: number }; heldBack: unknown[] };
    expect(waiting.run.awaitingApproval).toBe(true);
    expect(waiting.run.heldBackCount).toBeGreaterThan(28);
    expect((await smartPlusState(world(), PROPERTY)).apartments).toEqual([]);
    const shown = JSON.parse((await runCli(['runs', 'show', waiting.run.id, '--json'], env)).stdout) as { changes: { status: string }[] };
    expect(shown.changes.length).toBe(waiting.run.heldBackCount);
    expect(shown.changes.every((c) => c.status === 'held-back')).toBe(true);

    expect((await runCli(['approve', '--run', waiting.run.id], env)).code).toBe(2);
    const approved = await runCli(['approve', '--run', waiting.run.id, '--site-config', site, '--json'], env);
    expect(approved.code, approved.stderr).toBe(0);
    expect((JSON.parse(approved.stdout) as { dropped: string[] }).dropped).toEqual([]);
    const state = await smartPlusState(world(), PROPERTY);
    expect(state.apartments).toHaveLength(28);
    expect(state.duplicates).toEqual([]);
    const again = await runCli(['sync', '--site-config', site, '--dry-run', '--json'], env);
    expect((JSON.parse(again.stdout) as { plan: { operations: unknown[] } }).plan.operations).toEqual([]);
    // A second approval has nothing left to apply.
    expect((await runCli(['approve', '--run', waiting.run.id, '--site-config', site], env)).code).toBe(1);
  }, 180_000);

  it('for a registered site: sync --site ID --plan-only waits, approve --run RUN applies it (the app\'s Approve)', async () => {
    const env = world().env();
    world().resetSmartPlus();
    const added = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [PROPERTY] }), '--json'], env);
    expect(added.code, added.stderr).toBe(0);
    const siteId = (JSON.parse(added.stdout) as { sites: { id: string }[] }).sites[0]!.id;
    world().resetSmartPlus(); // SmartPlus forgets the import: the next plan has all of it to write again
    const planned = await runCli(['sync', '--site', siteId, '--plan-only', '--json'], env);
    expect(planned.code, planned.stderr).toBe(3);
    const run = (JSON.parse(planned.stdout) as { run: { id: string; awaitingApproval?: boolean } }).run;
    expect(run.awaitingApproval).toBe(true);
    expect((await smartPlusState(world(), PROPERTY)).apartments).toEqual([]);
    const approved = await runCli(['approve', '--run', run.id, '--json'], env);
    expect(approved.code, approved.stderr).toBe(0);
    const state = await smartPlusState(world(), PROPERTY);
    expect(state.apartments).toHaveLength(28);
    expect(state.duplicates).toEqual([]);
  }, 180_000);
});
