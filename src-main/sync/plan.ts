import type { CalendarDate } from '../../src-shared/domain/calendar-date';
import { unitRef, refKey } from '../../src-shared/domain/external-ref';
import type { SiteConfig } from '../../src-shared/domain/policy';
import type { RentManagerSnapshot } from '../../src-shared/domain/rentmanager';
import type { SmartPlusSnapshot } from '../../src-shared/domain/smartplus';
import type { HeldBackDeletion, SyncPlan } from '../../src-shared/domain/sync-plan';
import { buildContext, rowProperties, type PlanContext, type PlanOptions } from './plan/context';
import { guardCredentials } from './plan/credential-guard';
import { planCredentials } from './plan/credentials';
import { planDeletions } from './plan/deletions';
import { collectDesired, planMembers } from './plan/members';
import { problem } from './plan/problems';
import { planStructure, unreadableProblem, type PlanSink, type PropertyScope } from './plan/structure';
import { sortOperations, summarize, tallyBilling, type BillingTally } from './plan/summary';

export type { PlanOptions } from './plan/context';

/**
 * Plans one site's sync: what to create, update and delete in SmartPlus so it matches Rent
 * Manager under the site's policy on `today` (spec §2–§6). Pure: no I/O, no clock — `today` is
 * the calendar date in the site's time zone, computed by the caller (see `todayInZone`). The same
 * inputs always give the same plan, in the same order, with the same operation IDs.
 */
export function plan(
  rm: RentManagerSnapshot,
  sp: SmartPlusSnapshot,
  config: SiteConfig,
  today: CalendarDate,
  options: PlanOptions = {},
): SyncPlan {
  const ctx = buildContext(rm, sp, config, today, options);
  const out: PlanSink = { operations: [], problems: [] };
  const heldBack: HeldBackDeletion[] = [];
  const billing: BillingTally = { apartmentsToActivate: 0, familyMembersOverAllowance: 0 };
  readProblems(ctx, out);
  for (const propertyId of [...new Set(config.properties)].sort((a, b) => a - b)) {
    const firstOp = out.operations.length;
    const scope = planStructure(ctx, propertyId, out);
    if (!scope) continue;
    const { desired, statuses } = collectDesired(ctx, scope, out);
    const { deletions, heldBack: held } = planDeletions(ctx, scope, new Set(desired.map((d) => d.key)), statuses, out);
    out.operations.push(...deletions);
    heldBack.push(...held);
    // Held-back residents stay: they keep their place under the limit and their credentials.
    const deletedIds = new Set(deletions.map((d) => d.residentId));
    const after = planMembers(ctx, scope, desired, deletedIds, out);
    // A field Rent Manager did not resolve (none chosen) means the credential is not managed at all.
    const firstCredential = out.operations.length;
    planCredentials(scope, after, deletedIds, { pin: ctx.rm.pinField !== null, rfCard: ctx.rm.rfCardField !== null }, out);
    const guarded = guardCredentials(ctx, scope, out.operations.splice(firstCredential), after, deletedIds, out);
    out.operations.push(...guarded.operations);
    heldBack.push(...guarded.heldBack);
    leaveUnreadableAlone(scope, out, firstOp);
    tallyBilling(ctx, scope, out.operations.slice(firstOp), after, deletedIds, billing);
  }
  missingPicks(ctx, out);
  const operations = sortOperations(out.operations);
  return { today, operations, heldBack, problems: out.problems, summary: summarize(ctx, operations, heldBack, out.problems, billing) };
}

/**
 * An object SmartPlus sent but SiteSync could not read still exists (issue 13): nothing is planned
 * on it — creating it again would only meet a 409, changing it is acting blind. Its problem line
 * is already in the plan (planStructure).
 */
function leaveUnreadableAlone(scope: PropertyScope, out: PlanSink, firstOp: number): void {
  const refs = new Set((scope.community?.state.unreadable ?? []).flatMap((u) => (u.refKey ? [u.refKey] : [])));
  if (refs.size === 0) return;
  const planned = out.operations.slice(firstOp);
  // Members of an apartment that cannot be read wait with it, and so do their credentials.
  for (const op of planned) if (op.kind === 'create-family-member' && refs.has(op.apartmentTarget)) refs.add(op.target);
  out.operations.splice(firstOp, planned.length, ...planned.filter((op) => !refs.has(op.target)));
}

/** Problems the Rent Manager read itself reported: unreadable rows, a Numeric PIN field. */
function readProblems(ctx: PlanContext, out: PlanSink): void {
  for (const row of ctx.rm.rowProblems) {
    const { subject, field } = rowPlace(row);
    // An error, not a warning: the row freezes the site's deletions, so the run cannot be green (issue 12).
    const properties = rowProperties(ctx.rm, row);
    const propertyId = properties?.length === 1 ? properties[0]! : null;
    out.problems.push(problem('malformed-row', 'error', { propertyId, subject, field },
      `Rent Manager returned ${subject} in a form SiteSync could not read (${row.reason}). It is skipped and the rest is synced, but no account ${properties === null ? '' : `of ${properties.length === 1 ? 'this property' : 'its properties'} `}is deleted this run; fix the record in Rent Manager, or save a diagnostics report and send it to support.`));
  }
  for (const u of ctx.unplacedUnreadable) out.problems.push(unreadableProblem(null, u));
  const pinField = ctx.rm.pinField;
  if (pinField && /numeric/i.test(pinField.fieldType)) {
    out.problems.push(problem('numeric-pin-field', 'warning', { field: pinField.name },
      `The PIN field "${pinField.name}" is Numeric: Rent Manager drops a PIN's leading zeros there. Use a Text field for PINs.`));
  }
}

/** "tenant 55" / "contact 7 of tenant 12" and the first field the reader named, for an unreadable row. */
function rowPlace(row: RentManagerSnapshot['rowProblems'][number]): { subject: string; field: string | null } {
  const owner = /^tenant (\d+): /.exec(row.reason);
  const detail = owner ? row.reason.slice(owner[0].length) : row.reason;
  const field = /^([A-Za-z][\w.]*): /.exec(detail)?.[1] ?? null;
  const noun = row.collection.replace(/ies$/, 'y').replace(/s$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const subject = `${row.collection === 'Tenants' ? 'tenant' : noun}${row.id === null ? '' : ` ${row.id}`}${owner ? ` of tenant ${owner[1]}` : ''}`;
  return { subject, field };
}

/** Custom picks that are in no property of the site (a deleted unit, a typo in the site file). */
function missingPicks(ctx: PlanContext, out: PlanSink): void {
  const selection = ctx.config.apartments;
  if (selection === 'all') return;
  const known = new Set(ctx.rm.units.map((u) => u.id));
  for (const id of [...new Set(selection.custom)].sort((a, b) => a - b)) {
    if (known.has(id)) continue;
    const hasApartment = [...ctx.communitiesByRef.values()].some((c) => c.apartmentsByRef.has(refKey(unitRef(ctx.origin, id))));
    if (hasApartment || ctx.failedProperties.size > 0) continue; // flagged per property, or the read was incomplete
    out.problems.push(problem('unit-removed', 'warning', { unitId: id }, `Unit ${id} is selected for sync but is in none of the site's properties in Rent Manager.`));
  }
}
