import { expect } from 'vitest';
import { community, rm, sp, tenant } from '../fixtures/world';
import type { PlanCase } from './case';

const member = { unit: 101, contact: 11 };
const existing = sp(community({ residents: [member] }));
const CREATE = ['create-family-member unit:101/contact:11'];
const DELETE = ['delete-family-member unit:101/contact:11'];

/** §3: creation and deletion dates, both policies, grace days, time zones and the DST nights of 2026. */
export const dateCases: PlanCase[] = [
  { name: '§3 move-in tomorrow: no account yet', rm: rm([tenant(1, { moveIn: '2026-06-02' })]), ops: [], problems: [] },
  { name: '§3 move-in today: account created', rm: rm([tenant(1, { moveIn: '2026-06-01' })]), ops: CREATE },
  { name: '§3 move-in yesterday: account created', rm: rm([tenant(1, { moveIn: '2026-05-31' })]), ops: CREATE },
  { name: '§3 move-out today: the account stays through the whole day', rm: rm([tenant(1, { moveOut: '2026-06-01' })]), sp: existing, ops: [] },
  {
    name: '§3 move-out yesterday: deleted by the first sync after it',
    rm: rm([tenant(1, { moveOut: '2026-05-31' })]),
    sp: existing,
    ops: DELETE,
    check: (p) => expect(p.operations[0]).toMatchObject({ reason: 'Moved out on 2026-05-31.' }),
  },
  { name: '§3 moved out before it was ever synced: nothing created', rm: rm([tenant(1, { moveIn: '2026-01-01', moveOut: '2026-05-01' })]), ops: [] },
  {
    name: '§3 lease-start policy: lease starts today though move-in is later',
    rm: rm([tenant(1, { leaseStart: '2026-06-01', moveIn: '2026-06-15' })]),
    config: { creation: 'lease-start' },
    ops: CREATE,
  },
  {
    name: '§3 lease-start policy: lease starts tomorrow though move-in is past',
    rm: rm([tenant(1, { leaseStart: '2026-06-02', moveIn: '2026-05-01' })]),
    config: { creation: 'lease-start' },
    ops: [],
  },
  {
    name: '§3 move-in policy ignores the lease start',
    rm: rm([tenant(1, { leaseStart: '2026-05-01', moveIn: '2026-06-02' })]),
    ops: [],
  },
  {
    name: '§3 lease-end policy: lease ended yesterday, no move-out yet → deleted',
    rm: rm([tenant(1, { leaseEnd: '2026-05-31', moveOut: null })]),
    config: { deletion: 'lease-end' },
    sp: existing,
    ops: DELETE,
    check: (p) => expect(p.operations[0]).toMatchObject({ reason: 'Lease ended on 2026-05-31.' }),
  },
  {
    name: '§3 lease-end policy: lease ends today → kept, a past move-out is ignored',
    rm: rm([tenant(1, { leaseEnd: '2026-06-01', moveOut: '2026-05-20' })]),
    config: { deletion: 'lease-end' },
    sp: existing,
    ops: [],
  },
  {
    name: '§3 move-out policy ignores a past lease end (month-to-month)',
    rm: rm([tenant(1, { leaseEnd: '2026-03-31', moveOut: null })]),
    sp: existing,
    ops: [],
  },
  {
    name: '§3 no move-in date: no account, listed as waiting for a move-in date',
    rm: rm([tenant(1, { moveIn: null })]),
    ops: [],
    problems: ['missing-date t1'],
    check: (p) => expect(p.problems[0]!.reason).toContain('move-in'),
  },
  {
    name: '§3 lease-start policy with no lease start: waiting for a lease-start date',
    rm: rm([tenant(1, { leaseStart: null, moveIn: '2026-01-01' })]),
    config: { creation: 'lease-start' },
    ops: [],
    problems: ['missing-date t1'],
    check: (p) => expect(p.problems[0]!.reason).toContain('lease-start'),
  },
  { name: '§3 grace 3 days: move-in in 3 days → access starts today', rm: rm([tenant(1, { moveIn: '2026-06-04' })]), config: { graceDays: 3 }, ops: CREATE },
  { name: '§3 grace 3 days: move-in in 4 days → not yet', rm: rm([tenant(1, { moveIn: '2026-06-05' })]), config: { graceDays: 3 }, ops: [] },
  { name: '§3 grace 3 days: moved out 3 days ago → kept', rm: rm([tenant(1, { moveOut: '2026-05-29' })]), config: { graceDays: 3 }, sp: existing, ops: [] },
  {
    name: '§3 grace 3 days: moved out 4 days ago → deleted',
    rm: rm([tenant(1, { moveOut: '2026-05-28' })]),
    config: { graceDays: 3 },
    sp: existing,
    ops: DELETE,
    check: (p) => expect(p.operations[0]).toMatchObject({ reason: 'Moved out on 2026-05-28 (+3 grace days).' }),
  },
  {
    name: '§3 DST spring-forward night: 07:00 UTC on 2026-03-08 is 03:00 EDT, move-out 03-07 → deleted',
    rm: rm([tenant(1, { moveOut: '2026-03-07' })]),
    sp: existing,
    at: '2026-03-08T07:00:00Z',
    ops: DELETE,
  },
  {
    name: '§3 DST spring-forward night: 04:59 UTC is still 2026-03-07 in New York → kept',
    rm: rm([tenant(1, { moveOut: '2026-03-07' })]),
    sp: existing,
    at: '2026-03-08T04:59:00Z',
    ops: [],
  },
  {
    name: '§3 DST fall-back night: 03:59 UTC on 2026-11-01 is 23:59 EDT on 10-31 → move-out 10-31 kept',
    rm: rm([tenant(1, { moveOut: '2026-10-31' })]),
    sp: existing,
    at: '2026-11-01T03:59:00Z',
    ops: [],
  },
  {
    name: '§3 DST fall-back night: 04:00 UTC is 00:00 EDT on 11-01 → deleted',
    rm: rm([tenant(1, { moveOut: '2026-10-31' })]),
    sp: existing,
    at: '2026-11-01T04:00:00Z',
    ops: DELETE,
  },
  {
    name: '§3 DST fall-back night: the repeated 01:30 (EST, 06:30 UTC) is still 11-01 → move-in 11-01 created',
    rm: rm([tenant(1, { moveIn: '2026-11-01' })]),
    at: '2026-11-01T06:30:00Z',
    ops: CREATE,
  },
  {
    name: '§3 site time zone: 05:00 UTC on 06-02 is still 06-01 in Los Angeles → move-in 06-02 not yet',
    rm: rm([tenant(1, { moveIn: '2026-06-02' })]),
    config: { timeZone: 'America/Los_Angeles' },
    at: '2026-06-02T05:00:00Z',
    ops: ['update-community property:1'],
    check: (p) => expect(p.operations[0]).toMatchObject({ changes: { timeZone: 'America/Los_Angeles' } }),
  },
  {
    name: '§3 site time zone: the same instant is 06-02 in New York → created',
    rm: rm([tenant(1, { moveIn: '2026-06-02' })]),
    at: '2026-06-02T05:00:00Z',
    ops: CREATE,
  },
  {
    name: '§3 a renewal: the old lease ended, the new one runs → the account stays',
    rm: rm([
      tenant(1, {
        leases: [
          { id: 1, tenantId: 1, unitId: 101, propertyId: 1, moveIn: '2025-01-01', moveOut: '2025-12-31', leaseStart: null, leaseEnd: null },
          { id: 2, tenantId: 1, unitId: 101, propertyId: 1, moveIn: '2026-01-01', moveOut: null, leaseStart: null, leaseEnd: null },
        ],
      }),
    ]),
    sp: existing,
    ops: [],
  },
  {
    name: '§3 a contact removed from its tenant is deleted',
    rm: rm([tenant(1)]),
    sp: sp(community({ residents: [member, { unit: 101, contact: 12 }] })),
    ops: ['delete-family-member unit:101/contact:12'],
  },
  {
    name: '§3 a tenant gone from Rent Manager (few accounts) is deleted',
    rm: rm([tenant(2)]),
    sp: sp(community({ residents: [member] })),
    ops: ['create-family-member unit:101/contact:21', 'delete-family-member unit:101/contact:11'],
  },
  {
    name: '§3 a tenant moved to another unit: new account there, the old one goes',
    rm: rm([tenant(1, { unit: 102 })]),
    sp: existing,
    ops: ['create-family-member unit:102/contact:11', 'delete-family-member unit:101/contact:11'],
  },
];
