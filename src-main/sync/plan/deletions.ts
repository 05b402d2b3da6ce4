import { parseRefPath } from '../../../src-shared/domain/external-ref';
import type { RmTenant } from '../../../src-shared/domain/rentmanager';
import type { SpResident } from '../../../src-shared/domain/smartplus';
import type { DeleteFamilyMemberOp, HeldBackDeletion } from '../../../src-shared/domain/sync-plan';
import { naturalCompare, type PlanContext } from './context';
import type { StatusIndex } from './members';
import { placeDisplay, problem, tenantLabel } from './problems';
import type { PlanSink, PropertyScope } from './structure';
import { agree, plural } from '../../../src-shared/text/plural';

/** Mass-deletion guard (spec §6): hold back when deletions exceed this share of a community's family members… */
export const MASS_DELETE_SHARE = 0.1;
/** …and this many accounts. */
export const MASS_DELETE_MIN = 5;

/**
 * Plans deletions of family members SiteSync created whose window ended or whose contact is gone
 * (spec §3), then applies the guards: nothing after a failed read, nothing in units that left
 * Rent Manager or the selection (their apartments are only flagged), the mass-deletion guard, and
 * the outage guard: a read with tenants but no leases, or no eligible contacts, for a property
 * holds its deletions back whatever their number (a real move-out keeps its lease and its date).
 * Masters and hand-made accounts are never candidates (they are not in `ownResidentsByRef`).
 */
export function planDeletions(
  ctx: PlanContext,
  scope: PropertyScope,
  desiredKeys: ReadonlySet<string>,
  statuses: StatusIndex,
  out: PlanSink,
): { deletions: DeleteFamilyMemberOp[]; heldBack: HeldBackDeletion[] } {
  const community = scope.community;
  if (!community || scope.readFailed) return { deletions: [], heldBack: [] };
  const synced = new Map(scope.syncedUnits.map((u) => [u.id, u]));
  const candidates: DeleteFamilyMemberOp[] = [];
  const keys = [...community.ownResidentsByRef.keys()].sort(naturalCompare);
  for (const key of keys) {
    if (desiredKeys.has(key)) continue;
    const resident = community.ownResidentsByRef.get(key)!;
    const target = parseRefPath(resident.externalRef!.id);
    if (target?.kind !== 'contact') continue;
    const unit = synced.get(target.unitId);
    if (!unit) continue;
    const tenant = tenantOfContact(ctx, target.contactId);
    const reason = deletionReason(ctx, target.contactId, unit.name, tenant, tenant ? statuses.get(`${tenant.id}:${unit.id}`) : undefined);
    candidates.push({
      kind: 'delete-family-member',
      id: `delete-family-member:${key}`,
      communityRef: scope.communityRef,
      target: key,
      display: {
        ...placeDisplay(scope.property, unit),
        tenantId: tenant?.id ?? null,
        contactId: target.contactId,
        person: personOf(resident, tenant),
        applicantType: tenant?.contacts.find((c) => c.id === target.contactId)?.applicantType ?? null,
      },
      residentId: resident.id,
      reason,
      why: reason,
    });
  }
  if (candidates.length === 0 || ctx.options.allowMassDelete) return { deletions: candidates, heldBack: [] };

  const total = community.familyCount;
  const tenantsHere = ctx.propertiesWithTenants.has(scope.property.id);
  let why: string | null = null;
  if (!tenantsHere) {
    why = `Rent Manager returned no tenants for this property, yet ${plural(total, 'family member account')} ${agree(total, 'exists', 'exist')}: an outage or a permissions change must not lock the building out.`;
  } else if (!ctx.propertiesWithLeases.has(scope.property.id) || !ctx.propertiesWithContacts.has(scope.property.id)) {
    const missing = ctx.propertiesWithLeases.has(scope.property.id) ? 'no Primary or Occupant contacts' : 'no leases';
    why = `Rent Manager returned tenants but ${missing} for this property, so every account looks gone: an outage or a permissions change must not lock the building out.`;
  } else if (candidates.length > total * MASS_DELETE_SHARE && candidates.length > MASS_DELETE_MIN) {
    why = `This run would delete ${candidates.length} of the community's ${total} family member accounts (more than ${MASS_DELETE_SHARE * 100}% and more than ${MASS_DELETE_MIN}).`;
  }
  if (why === null) return { deletions: candidates, heldBack: [] };
  out.problems.push(
    problem('held-back-deletion', 'warning', { propertyId: scope.property.id, subject: scope.property.name, value: String(candidates.length) },
      `${why} ${candidates.length === 1 ? 'The deletion is' : `The ${candidates.length} deletions are`} held back until you confirm them; everything else is applied.`),
  );
  return { deletions: [], heldBack: candidates.map((operation) => ({ operation, reason: why })) };
}

function tenantOfContact(ctx: PlanContext, contactId: number): RmTenant | undefined {
  return ctx.tenantByContact.get(contactId);
}

function personOf(resident: SpResident, tenant: RmTenant | undefined): string {
  const name = `${resident.firstName} ${resident.lastName}`.trim();
  return tenant ? `${name} (tenant ${tenant.displayId ?? tenant.id})` : name;
}

function deletionReason(
  ctx: PlanContext,
  contactId: number,
  unitName: string,
  tenant: RmTenant | undefined,
  status: ReturnType<StatusIndex['get']>,
): string {
  if (!tenant) {
    const skipped = ctx.rm.skippedContacts.find((s) => s.contactId === contactId);
    return skipped
      ? `Contact is no longer synced: ${skipped.reason}.`
      : 'Contact is no longer a Primary or Occupant contact of a tenant in Rent Manager.';
  }
  const grace = ctx.config.graceDays > 0 ? ` (+${ctx.config.graceDays} grace days)` : '';
  const dateName = ctx.config.deletion === 'move-out' ? 'Moved out' : 'Lease ended';
  if (!status) return `${tenantLabel(tenant)} no longer has a lease on unit "${unitName}".`;
  switch (status.kind) {
    case 'ended':
      return `${dateName} on ${status.deletion}${grace}.`;
    case 'future':
      return `Tenancy starts on ${status.creation}: the account is created again then.`;
    case 'missing-date':
      return `No ${ctx.config.creation === 'move-in' ? 'move-in' : 'lease-start'} date in Rent Manager any more.`;
    case 'active':
      return 'Contact is no longer on this tenant in Rent Manager.';
  }
}
