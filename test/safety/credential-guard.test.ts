import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_UDF } from '../../src-main/sandbox/rentmanager/seed';
import { confirmHeldBack } from '../../src-main/sync/held-back';
import { runCli, siteConfigFile, startCliWorld, type CliWorld } from '../support/cli-harness';
import { credentials, siteConfig, startWorld, TODAY, type SandboxWorld } from './helpers/world';

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

describe('the mass guard covers credential removals and changes', () => {
  it('a Rent Manager read with the PIN values gone holds the removals back; the rest applies; confirming applies them', async () => {
    const cfg = siteConfig();
    expect((await w.sync(cfg)).run.outcome).toBe('succeeded');
    const rm = await w.ports.rentManager.readSnapshot(cfg.properties, cfg);
    const before = credentials(await w.smartPlus(cfg));
    const withPin = rm.tenants.filter((t) => t.pin !== null);
    expect(withPin.length).toBeGreaterThan(5);
    for (const t of withPin) w.rm.admin.setPin(t.id, null);
    const unit = rm.tenants.find((t) => t.leases[0]?.unitId)!.leases[0]!.unitId!;
    w.rm.admin.addTenant({ propertyId: 4, unitId: unit, firstName: 'Nova', lastName: 'Newcomer', moveIn: '2026-05-30' });
    const r = await w.sync(cfg);
    expect(r.run.outcome).toBe('held-back');
    expect(r.heldBack.length).toBeGreaterThan(5);
    expect(r.heldBack.every((h) => h.operation.kind === 'remove-pin')).toBe(true);
    expect(r.problems.find((p) => p.kind === 'held-back-credentials')?.reason).toMatch(/must not lock the building out/);
    // Everything else applied: the newcomer exists; every PIN is still in SmartPlus.
    expect(r.applied.filter((a) => a.kind === 'create-family-member' && a.status === 'done')).toHaveLength(1);
    const during = credentials(await w.smartPlus(cfg));
    for (const [id, c] of before) expect(during.get(id)).toEqual(c);
    const confirmed = await confirmHeldBack({ runId: r.run.id, site: { id: 'safety-site' }, config: cfg, ports: w.ports, today: TODAY });
    expect(confirmed.run.outcome).toBe('succeeded');
    expect(confirmed.confirmed).toHaveLength(r.heldBack.length);
    const after = await w.smartPlus(cfg);
    expect(after.communities[0]!.residents.filter((x) => x.role === 'family' && x.pin !== null)).toEqual([]);
  });

  it('a PIN field and an RF card field swapped are held back and named', async () => {
    const cfg = siteConfig();
    expect((await w.sync(cfg)).run.outcome).toBe('succeeded');
    const before = credentials(await w.smartPlus(cfg));
    const swapped = siteConfig({ pinField: SEED_UDF.rfCardText, rfCardField: SEED_UDF.doorPinText });
    const r = await w.sync(swapped);
    expect(r.run.outcome).toBe('held-back');
    const held = r.problems.find((p) => p.kind === 'held-back-credentials')!;
    expect(held.reason).toContain('look swapped');
    expect(held.reason).toContain('"RF Card"');
    expect(held.reason).toContain('"Door PIN (Text)"');
    expect(r.applied.filter((a) => /pin|rf-cards/.test(a.kind))).toEqual([]);
    expect(credentials(await w.smartPlus(cfg))).toEqual(before);
    // The fields put right, confirming finds Rent Manager no longer asks: nothing changes, and each
    // change left out is reported as a credential change, not as a deletion.
    const confirmed = await confirmHeldBack({ runId: r.run.id, site: { id: 'safety-site' }, config: cfg, ports: w.ports, today: TODAY });
    expect(confirmed.confirmed).toEqual([]);
    expect(confirmed.dropped.length).toBe(r.heldBack.length);
    const notApplied = confirmed.problems.filter((p) => p.reason.startsWith('Held-back credential change not applied'));
    expect(notApplied.length).toBe(r.heldBack.length);
    expect(new Set(notApplied.map((p) => p.kind))).toEqual(new Set(['held-back-credentials']));
    expect(credentials(await w.smartPlus(cfg))).toEqual(before);
  });
});

describe('the CLI', () => {
  let world: CliWorld;
  beforeAll(async () => {
    world = await startCliWorld('2026-06-01');
  }, 60_000);
  afterAll(async () => world?.close());

  it('exits 3 when the PIN values are gone, and --allow-mass-delete applies the removals', async () => {
    const file = siteConfigFile({ properties: [4], pinField: 'Door PIN (Text)', rfCardField: 'RF Card' });
    const env = world.env();
    const first = await runCli(['sync', '--site-config', file, '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const ops = (JSON.parse(first.stdout) as { plan: { operations: { kind: string; display: { tenantId: number | null } }[] } }).plan.operations;
    const holders = [...new Set(ops.filter((o) => o.kind === 'set-pin').map((o) => o.display.tenantId!))];
    expect(holders.length).toBeGreaterThan(5);
    for (const t of holders) world.rm.admin.setPin(t, null);
    const held = await runCli(['sync', '--site-config', file, '--json'], env);
    expect(held.code, held.stderr).toBe(3);
    const out = JSON.parse(held.stdout) as { run: { outcome: string }; heldBack: { operation: { kind: string } }[] };
    expect(out.run.outcome).toBe('held-back');
    expect(out.heldBack.every((h) => h.operation.kind === 'remove-pin')).toBe(true);
    const applied = await runCli(['sync', '--site-config', file, '--json', '--allow-mass-delete'], env);
    expect(applied.code, applied.stderr).toBe(0);
    expect((JSON.parse(applied.stdout) as { run: { counts: { credentialsRemoved: number } } }).run.counts.credentialsRemoved).toBe(out.heldBack.length);
  }, 120_000);
});
