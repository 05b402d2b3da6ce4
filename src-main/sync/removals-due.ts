import type { CalendarDate } from '../../src-shared/domain/calendar-date';
import type { SyncPolicy } from '../../src-shared/domain/policy';
import type { RmLeaseDates } from '../../src-shared/domain/rentmanager';
import { combinedStatus, leaseStatus } from './plan/windows';

/** A family member SiteSync made, as the local copy keeps it: its tenant's lease dates on the unit (null in a copy saved before they were kept) and the access end then computed. */
export interface KeptMember {
  readonly leases: readonly RmLeaseDates[] | null;
  readonly accessUntil: CalendarDate | null;
}

/** How many removals the next full run would make from what the local copy knows, and since when the earliest departure is due. */
export interface RemovalsDue {
  readonly count: number;
  /** The earliest deletion date (per policy) among the departed; null when none is known (an older copy, or a policy change). */
  readonly since: CalendarDate | null;
}

/**
 * The removals a paused site has let come due (issue 16, product rule 2: never leave a departed
 * tenant in). Pure: the planner's own window rules (`leaseStatus`, `combinedStatus`: deletion date
 * per policy, grace days, the whole deletion day kept) over the lease dates kept at the last sync,
 * under the site's policy as it is now, on `today` in the site's zone. A member whose tenancy is not
 * active is one the planner would delete (see collectDesired / planDeletions). A copy saved before
 * the dates were kept falls back on the access end computed then. Rent Manager changes since the
 * last sync are not known here: the count is a floor, and the Overview says "as of the last sync".
 */
export function removalsDue(members: readonly KeptMember[], policy: Pick<SyncPolicy, 'creation' | 'deletion' | 'graceDays'>, today: CalendarDate): RemovalsDue {
  let count = 0;
  let since: CalendarDate | null = null;
  for (const member of members) {
    if (member.leases === null) {
      if (member.accessUntil !== null && today > member.accessUntil) count += 1;
      continue;
    }
    const status = combinedStatus(member.leases.map((lease) => leaseStatus(lease, policy, today)));
    if (status.kind === 'active') continue;
    count += 1;
    // No lease left on the unit reads as "ended" with no real date: counted, but no "since".
    if (status.kind === 'ended' && member.leases.length > 0 && (since === null || status.deletion < since)) since = status.deletion;
  }
  return { count, since };
}
