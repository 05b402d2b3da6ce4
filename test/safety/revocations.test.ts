import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotification } from '../../src-main/app/notifications';
import { runCli, siteConfigFile, startCliWorld, type CliWorld } from '../support/cli-harness';
import { siteConfig, startWorld, type SandboxWorld } from './helpers/world';

// Issue 12, "Never leave a departed tenant in": a run that could not do its revocations is never
// green. One unreadable Rent Manager row freezes the deletions; the run is partial, names the row,
// notifies, and the CLI exits 1.
describe('an unreadable Rent Manager row', () => {
  let w: SandboxWorld;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w.close());

  it('freezes the move-out, and the run is partial, names the row and notifies', async () => {
    const cfg = siteConfig();
    expect((await w.sync(cfg)).run.outcome).toBe('succeeded');
    const rm = await w.ports.rentManager.readSnapshot(cfg.properties, cfg);
    const [leaving, broken] = rm.tenants.filter((t) => t.leases.some((l) => l.unitId !== null && l.moveOut === null));
    w.rm.admin.moveOut(leaving!.id, '2026-05-20');
    w.rm.admin.patchRow('tenants', broken!.id, { Name: 42 });
    const r = await w.sync(cfg, { trigger: 'scheduled' });
    expect(r.run.outcome).toBe('partial');
    expect(r.applied.filter((a) => a.kind === 'delete-family-member')).toEqual([]);
    const row = r.problems.find((p) => p.kind === 'malformed-row')!;
    expect(row).toMatchObject({ severity: 'error', subject: `tenant ${broken!.id}`, field: 'Name' });
    expect(row.reason).toMatch(/no account is deleted this run/);
    expect(r.run.error).toContain(`tenant ${broken!.id} (field Name)`);
    expect(r.run.error).toMatch(/Deletions were not done/);
    const note = runNotification(r.run, 'Oak Street');
    expect(note?.title).toBe('Sync of Oak Street incomplete');
    expect(note?.body).toContain(`tenant ${broken!.id}`);
    // The departed tenant's accounts are still there (frozen, not lost), and they go once the row reads again.
    w.rm.admin.patchRow('tenants', broken!.id, { Name: broken!.name });
    const next = await w.sync(cfg);
    expect(next.run.outcome).toBe('succeeded');
    expect(next.run.counts.accountsDeleted).toBe(leaving!.contacts.length);
  });

  it('a failed property read is partial too, and says so', async () => {
    const cfg = siteConfig({ properties: [4, 3] });
    w.rm.admin.faults({ share: 1, statuses: [500], propertyId: 3 });
    const r = await w.sync(cfg);
    w.rm.admin.faults({ share: 0 });
    expect(r.run.outcome).toBe('partial');
    expect(r.run.error).toMatch(/could not be read completely for /);
  });
});

describe('the CLI', () => {
  let world: CliWorld;
  beforeAll(async () => {
    world = await startCliWorld('2026-06-01');
  }, 60_000);
  afterAll(async () => world?.close());

  it('exits 1 when an unreadable row froze the deletions', async () => {
    const file = siteConfigFile({ properties: [4], pinField: 'Door PIN (Text)', rfCardField: 'RF Card' });
    const env = world.env();
    const first = await runCli(['sync', '--site-config', file, '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const tenantId = (JSON.parse(first.stdout) as { plan: { operations: { display: { tenantId: number | null } }[] } }).plan.operations
      .map((o) => o.display.tenantId).find((id): id is number => id !== null)!;
    world.rm.admin.patchRow('tenants', tenantId, { Name: 42 });
    const r = await runCli(['sync', '--site-config', file, '--json'], env);
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { run: { outcome: string; error: string }; problems: { kind: string; subject: string }[] };
    expect(out.run.outcome).toBe('partial');
    expect(out.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'malformed-row', subject: `tenant ${tenantId}` })]));
  }, 120_000);
});
