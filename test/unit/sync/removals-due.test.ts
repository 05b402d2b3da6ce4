import { describe, expect, it } from 'vitest';
import type { RmLeaseDates } from '../../../src-shared/domain/rentmanager';
import { removalsDue } from '../../../src-main/sync/removals-due';

// Issue 16, rule 2: a paused site still lets removals come due. The count follows the planner's
// window rules (deletion date per policy, grace days, the whole deletion day kept) on `today`.

const TODAY = '2026-12-03';
const lease = (dates: Partial<RmLeaseDates>): RmLeaseDates => ({ moveIn: '2025-01-01', moveOut: null, leaseStart: '2025-01-01', leaseEnd: null, ...dates });
const moveOut = { creation: 'move-in', deletion: 'move-out', graceDays: 0 } as const;

describe('removals due while a site is paused', () => {
  it('a move-out before today is due; the move-out day itself and an open lease are not', () => {
    const members = [{ leases: [lease({ moveOut: '2026-12-02' })], accessUntil: null }, { leases: [lease({ moveOut: TODAY })], accessUntil: null }, { leases: [lease({})], accessUntil: null }];
    expect(removalsDue(members, moveOut, TODAY)).toEqual({ count: 1, since: '2026-12-02' });
  });

  it('grace days keep a departed tenant in until move-out + N; the day after, the removal is due', () => {
    const members = [{ leases: [lease({ moveOut: '2026-11-30' })], accessUntil: null }];
    expect(removalsDue(members, { ...moveOut, graceDays: 3 }, TODAY)).toEqual({ count: 0, since: null });
    expect(removalsDue(members, { ...moveOut, graceDays: 3 }, '2026-12-04')).toEqual({ count: 1, since: '2026-11-30' });
    expect(removalsDue(members, { ...moveOut, graceDays: 2 }, TODAY)).toEqual({ count: 1, since: '2026-11-30' });
  });

  it('the deletion date follows the policy: Lease End Date instead of Move-Out Date', () => {
    const members = [{ leases: [lease({ moveOut: null, leaseEnd: '2026-11-28' })], accessUntil: null }];
    expect(removalsDue(members, moveOut, TODAY).count).toBe(0);
    expect(removalsDue(members, { ...moveOut, deletion: 'lease-end' }, TODAY)).toEqual({ count: 1, since: '2026-11-28' });
  });

  it('a renewal keeps the tenant in (any active lease on the unit); since is the earliest departure', () => {
    const renewed = { leases: [lease({ moveOut: '2026-06-30' }), lease({ moveIn: '2026-07-01' })], accessUntil: null };
    const early = { leases: [lease({ moveOut: '2026-11-28' })], accessUntil: null };
    const later = { leases: [lease({ moveOut: '2026-12-01' })], accessUntil: null };
    expect(removalsDue([renewed, later, early], moveOut, TODAY)).toEqual({ count: 2, since: '2026-11-28' });
  });

  it('a copy saved before the lease dates were kept falls back on the access end computed then', () => {
    const members = [{ leases: null, accessUntil: '2026-12-02' }, { leases: null, accessUntil: TODAY }, { leases: null, accessUntil: null }];
    expect(removalsDue(members, moveOut, TODAY)).toEqual({ count: 1, since: null });
  });
});
