import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RmTenant } from '../../src-shared/domain/rentmanager';
import type { SmartPlusSnapshot } from '../../src-shared/domain/smartplus';
import { confirmHeldBack } from '../../src-main/sync/held-back';
import { siteConfig, startWorld, TODAY, type SandboxWorld } from './helpers/world';

// Issue 12: a credential passed on in the same run arrives in the same run. The value leaves its
// departing holder before SmartPlus is asked to set it elsewhere (no 409), and when that departure
// is held back the value waits with it, then reaches the new holder in the confirming run.
let w: SandboxWorld;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => w.close());

const cfg = siteConfig();
const unitOf = (t: RmTenant) => t.leases.find((l) => l.unitId !== null && l.moveOut === null)!.unitId!;
const conflicts = () => Object.entries(w.sp.admin.counters().byStatus).filter(([status]) => status === '409').map(([, n]) => n);

/** Tenants with a current lease whose value SmartPlus holds on one of their accounts (not a duplicate that lost). */
function heldBy(tenants: readonly RmTenant[], sp: SmartPlusSnapshot, kind: 'pin' | 'rfCard'): RmTenant[] {
  const residents = sp.communities.flatMap((c) => c.residents);
  return tenants.filter((t) => t.leases.some((l) => l.unitId !== null && l.moveOut === null) && residents.some((r) => {
    const contact = Number(/contact:(\d+)$/.exec(r.externalRef?.id ?? '')?.[1]);
    if (!t.contacts.some((c) => c.id === contact)) return false;
    return kind === 'pin' ? t.pin !== null && r.pin === t.pin : t.rfCard !== null && r.rfCards.includes(t.rfCard.trim().toUpperCase());
  }));
}

async function residentsByName() {
  const sp = await w.smartPlus(cfg);
  return new Map(sp.communities[0]!.residents.filter((r) => r.role === 'family').map((r) => [`${r.firstName} ${r.lastName}`, r]));
}

describe('a departing holder hands its credential on in one run', () => {
  it.each(['pin', 'rfCard'] as const)('%s: released first, set on the newcomer, run succeeded, no 409', async (kind) => {
    expect((await w.sync(cfg)).run.outcome).toBe('succeeded');
    const rm = await w.ports.rentManager.readSnapshot(cfg.properties, cfg);
    const leaving = heldBy(rm.tenants, await w.smartPlus(cfg), kind)[0]!;
    const value = kind === 'pin' ? leaving.pin! : leaving.rfCard!.trim().toUpperCase();
    w.rm.admin.moveOut(leaving.id, '2026-05-20');
    w.rm.admin.addTenant({ propertyId: 4, unitId: unitOf(leaving), firstName: 'Nora', lastName: 'Next', moveIn: '2026-05-25', ...(kind === 'pin' ? { pin: value } : { rfCard: value }) });
    w.sp.admin.resetCounters();
    const r = await w.sync(cfg);
    expect(r.run.outcome).toBe('succeeded');
    expect(r.run.counts.accountsDeleted).toBe(leaving.contacts.length);
    expect(conflicts()).toEqual([]);
    const next = (await residentsByName()).get('Nora Next')!;
    if (kind === 'pin') expect(next.pin).toBe(value);
    else expect(next.rfCards.map((c) => c.toUpperCase())).toEqual([value]);
  });
});

describe('a held-back departure keeps its credentials until confirmed', () => {
  it('the values are not planned for the newcomers; confirming deletes and hands them on in the same run', async () => {
    expect((await w.sync(cfg)).run.outcome).toBe('succeeded');
    const rm = await w.ports.rentManager.readSnapshot(cfg.properties, cfg);
    const total = (await w.smartPlus(cfg)).communities[0]!.residents.filter((r) => r.role === 'family').length;
    const holders = heldBy(rm.tenants, await w.smartPlus(cfg), 'pin');
    const leaving: RmTenant[] = [];
    for (const t of holders) {
      const accounts = leaving.reduce((n, x) => n + x.contacts.length, 0);
      if (accounts > total * 0.1 && accounts > 5) break;
      leaving.push(t);
    }
    leaving.forEach((t, i) => {
      w.rm.admin.moveOut(t.id, '2026-05-20');
      w.rm.admin.addTenant({ propertyId: 4, unitId: unitOf(t), firstName: 'Heir', lastName: `Number${i}`, moveIn: '2026-05-25', pin: t.pin });
    });
    w.sp.admin.resetCounters();
    const held = await w.sync(cfg);
    expect(held.run.outcome).toBe('held-back');
    expect(held.heldBack.filter((h) => h.operation.kind === 'delete-family-member').length).toBeGreaterThan(5);
    expect(held.plan!.operations.filter((op) => op.kind === 'set-pin')).toEqual([]);
    expect(conflicts()).toEqual([]);
    const waiting = await residentsByName();
    leaving.forEach((_t, i) => expect(waiting.get(`Heir Number${i}`)?.pin).toBeNull());

    const confirmed = await confirmHeldBack({ runId: held.run.id, site: { id: 'safety-site' }, config: cfg, ports: w.ports, today: TODAY });
    expect(confirmed.run.outcome).toBe('succeeded');
    expect(confirmed.run.counts.accountsDeleted).toBe(leaving.reduce((n, t) => n + t.contacts.length, 0));
    expect(conflicts()).toEqual([]);
    const after = await residentsByName();
    leaving.forEach((t, i) => expect(after.get(`Heir Number${i}`)?.pin).toBe(t.pin));
  });
});
