import { addDays, type CalendarDate } from '../../../src-shared/domain/calendar-date';
import type { SyncPolicy } from '../../../src-shared/domain/policy';
import type { RmLeaseDates } from '../../../src-shared/domain/rentmanager';

/**
 * Where a tenant stands in a unit today (spec §3). The window runs from the creation date (per
 * policy) minus the grace days through the deletion date (per policy) plus the grace days,
 * both ends inclusive: the account exists through the whole deletion day and goes on the day after.
 */
export type TenancyStatus =
  | { readonly kind: 'active'; readonly creation: CalendarDate; readonly deletion: CalendarDate | null }
  | { readonly kind: 'future'; readonly creation: CalendarDate }
  | { readonly kind: 'ended'; readonly deletion: CalendarDate }
  | { readonly kind: 'missing-date' };

/** The lease date that creates an account under `policy`. */
export function creationDateOf(lease: RmLeaseDates, policy: Pick<SyncPolicy, 'creation'>): CalendarDate | null {
  return policy.creation === 'move-in' ? lease.moveIn : lease.leaseStart;
}

/** The lease date after which the account goes under `policy`; null = open-ended. */
export function deletionDateOf(lease: RmLeaseDates, policy: Pick<SyncPolicy, 'deletion'>): CalendarDate | null {
  return policy.deletion === 'move-out' ? lease.moveOut : lease.leaseEnd;
}

/** The status of one lease on `today`. */
export function leaseStatus(
  lease: RmLeaseDates,
  policy: Pick<SyncPolicy, 'creation' | 'deletion' | 'graceDays'>,
  today: CalendarDate,
): TenancyStatus {
  const creation = creationDateOf(lease, policy);
  if (creation === null) return { kind: 'missing-date' };
  const deletion = deletionDateOf(lease, policy);
  const from = addDays(creation, -policy.graceDays);
  const through = deletion === null ? null : addDays(deletion, policy.graceDays);
  if (today < from) return { kind: 'future', creation };
  if (through !== null && today > through) return { kind: 'ended', deletion: deletion! };
  return { kind: 'active', creation, deletion };
}

/**
 * The status of a tenant in a unit over all its leases there (renewals, re-lets): active if any
 * lease is; else waiting for a date if any lease lacks one; else future if any starts later;
 * else ended (on the latest deletion date).
 */
export function combinedStatus(statuses: readonly TenancyStatus[]): TenancyStatus {
  const active = statuses.filter((s) => s.kind === 'active');
  if (active.length > 0) {
    // The earliest creation date decides credential ties ("earlier creation date wins", spec §4).
    const creation = active.map((s) => s.creation).sort()[0]!;
    const open = active.some((s) => s.deletion === null);
    const deletion = open ? null : active.map((s) => s.deletion!).sort().at(-1)!;
    return { kind: 'active', creation, deletion };
  }
  if (statuses.some((s) => s.kind === 'missing-date')) return { kind: 'missing-date' };
  const future = statuses.filter((s) => s.kind === 'future');
  if (future.length > 0) return { kind: 'future', creation: future.map((s) => s.creation).sort()[0]! };
  const ended = statuses.filter((s) => s.kind === 'ended');
  return { kind: 'ended', deletion: ended.map((s) => s.deletion).sort().at(-1) ?? '0000-01-01' };
}
