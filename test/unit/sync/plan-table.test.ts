import { describe, expect, it } from 'vitest';
import { SyncPlanSchema } from '../../../src-shared/domain/sync-plan';
import { plan } from '../../../src-main/sync/plan';
import { todayInZone } from '../../../src-main/sync/today';
import { community, site, sp } from './fixtures/world';
import { opLine, problemLine, type PlanCase } from './plan-cases/case';
import { credentialCases } from './plan-cases/credentials';
import { dateCases } from './plan-cases/dates';
import { guardCases } from './plan-cases/guards';
import { mappingCases } from './plan-cases/mapping';

const cases: PlanCase[] = [...mappingCases, ...dateCases, ...credentialCases, ...guardCases];

function run(c: PlanCase) {
  const config = site(c.config);
  const today = c.at ? todayInZone(new Date(c.at), config.timeZone) : (c.today ?? '2026-06-01');
  return plan(c.rm, c.sp ?? sp(community()), config, today, c.options);
}

describe('plan: the rules of spec §2–§6 and §11, one row each', () => {
  it('has at least 60 rows', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const p = run(c);
    expect(() => SyncPlanSchema.parse(p)).not.toThrow();
    if (c.ops) expect(p.operations.map(opLine)).toEqual(c.ops);
    if (c.problems) expect(p.problems.map(problemLine).sort()).toEqual([...c.problems].sort());
    if (c.heldBack !== undefined) expect(p.heldBack).toHaveLength(c.heldBack);
    c.check?.(p);
    // Invariants every plan keeps, whatever the case.
    expect(new Set(p.operations.map((o) => o.id)).size).toBe(p.operations.length);
    for (const o of p.operations) expect(o.id).toBe(`${o.kind}:${o.target}`);
    // A tenant's problem names its unit, so the report links to the apartment (issue 16).
    for (const problem of p.problems) if (problem.tenantId !== null) expect(problem.unitId, `${problem.kind} of tenant ${problem.tenantId}`).not.toBeNull();
    expect(JSON.stringify(p.problems)).not.toMatch(/"value":"\d{2,8}"/); // no PIN in clear in problems
    expect(run(c)).toEqual(p); // deterministic
  });
});
