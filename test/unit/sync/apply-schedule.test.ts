import { describe, expect, it } from 'vitest';
import { propertyRef } from '../../../src-shared/domain/external-ref';
import type { SyncOperation } from '../../../src-shared/domain/sync-plan';
import { releaseOrder } from '../../../src-main/sync/apply';
import { dependencies, runByDependencies } from '../../../src-main/sync/apply/schedule';
import { rm, site, tenant } from './fixtures/world';
import { harness } from './fixtures/harness';

const byKind = (ops: readonly SyncOperation[], kind: SyncOperation['kind']) => ops.filter((o) => o.kind === kind);

describe('apply dependencies per object (issue 13)', () => {
  it('an import: apartments wait for the community, members for their own apartment, credentials for their own member — nothing for the whole phase', async () => {
    const h = harness(rm([tenant(1, { pin: '1111' }), tenant(2, { pin: '2222' }), tenant(3)]), site());
    const ops = (await h.replan()).operations;
    const deps = dependencies(ops, releaseOrder(ops, { readAt: '', communities: [] }));
    const community = byKind(ops, 'create-community')[0]!;
    const apartments = byKind(ops, 'create-apartment');
    expect(apartments.length).toBeGreaterThan(1);
    for (const a of apartments) expect(deps.get(a.id)).toEqual([community.id]);
    for (const m of byKind(ops, 'create-family-member')) {
      if (m.kind !== 'create-family-member') continue;
      const apartment = apartments.find((a) => a.target === m.apartmentTarget)!;
      expect(new Set(deps.get(m.id))).toEqual(new Set([community.id, apartment.id]));
    }
    for (const p of byKind(ops, 'set-pin')) {
      const member = byKind(ops, 'create-family-member').find((m) => m.target === p.target)!;
      expect(new Set(deps.get(p.id))).toEqual(new Set([community.id, member.id]));
    }
  });

  it('a value handed over: the release (removal or early deletion) comes before the set; other deletions come after everything', async () => {
    const h = harness(rm([tenant(1, { pin: '2468' }), tenant(3)]), site());
    await h.sync();
    h.rm.snapshot = rm([tenant(1, { pin: '2468', moveOut: '2026-05-31' }), tenant(2, { pin: '2468', moveIn: '2026-06-01' })]);
    const ops = (await h.replan()).operations;
    const snapshot = await h.sp.readSite([propertyRef(h.rm.snapshot.origin, 1)]);
    const place = releaseOrder(ops, snapshot);
    const deps = dependencies(ops, place);
    const set = byKind(ops, 'set-pin')[0]!;
    const releases = ops.filter((o) => place(o).phase === 'credentials' && place(o).wave === 0);
    expect(releases.length).toBeGreaterThan(0);
    for (const r of releases) expect(deps.get(set.id)).toContain(r.id);
    for (const d of ops.filter((o) => place(o).phase === 'deletions')) {
      for (const other of ops.filter((o) => place(o).phase !== 'deletions')) expect(deps.get(d.id)).toContain(other.id);
    }
  });

  it('runs each operation after what it waits for, deeper work first, and at most `concurrency` at once', async () => {
    const h = harness(rm([tenant(1, { pin: '1111' }), tenant(2, { pin: '2222' }), tenant(3, { pin: '3333' })]), site());
    const ops = (await h.replan()).operations;
    const deps = dependencies(ops, releaseOrder(ops, { readAt: '', communities: [] }));
    const finished = new Set<string>();
    const order: string[] = [];
    let running = 0;
    let peak = 0;
    await runByDependencies(ops, deps, 2, async (op) => {
      for (const d of deps.get(op.id)!) expect(finished.has(d)).toBe(true);
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 2));
      order.push(op.kind);
      running--;
      finished.add(op.id);
    });
    expect(finished.size).toBe(ops.length);
    expect(peak).toBe(2);
    // The first member is created before the last apartment: no barrier between the phases.
    expect(order.indexOf('create-family-member')).toBeLessThan(order.lastIndexOf('create-apartment'));
  });
});
