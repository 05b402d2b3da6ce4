import { parseRefPath, propertyRef, refKey, unitRef } from '../../../src-shared/domain/external-ref';
import type { RmProperty, RmUnit } from '../../../src-shared/domain/rentmanager';
import type { Problem } from '../../../src-shared/domain/run';
import type { UnreadableObject } from '../../../src-shared/domain/unreadable';
import type { SyncOperation } from '../../../src-shared/domain/sync-plan';
import { communityOf, type CommunityIndex, type PlanContext } from './context';
import { placeDisplay, problem } from './problems';

/** One property the plan acts on: its community (if SmartPlus has it) and the units it syncs. */
export interface PropertyScope {
  readonly property: RmProperty;
  readonly communityRef: string;
  readonly community: CommunityIndex | undefined;
  /** The read was failed or partial: no deletions, no credential removals (spec §6). */
  readonly readFailed: boolean;
  /** Units that are selected (All or Custom) and present in Rent Manager, by ID order. */
  readonly syncedUnits: readonly RmUnit[];
}

/** Collects a plan's operations and problems as the parts are planned. */
export interface PlanSink {
  readonly operations: SyncOperation[];
  readonly problems: Problem[];
}

/**
 * Plans the community and apartments of one property (spec §2, §5): create or update the
 * community (name, address, time zone), create or rename apartments for the selected units, and
 * flag — never delete — what disappeared or is not selected. Returns null for a property that
 * is gone from Rent Manager or the integration (flagged, nothing else happens to it).
 */
export function planStructure(ctx: PlanContext, propertyId: number, out: PlanSink): PropertyScope | null {
  const cref = propertyRef(ctx.origin, propertyId);
  const communityRef = refKey(cref);
  const community = communityOf(ctx, propertyId);
  const property = ctx.propertiesById.get(propertyId);
  const failReason = ctx.failedProperties.get(propertyId);
  if (failReason !== undefined) {
    out.problems.push(
      problem('property-read-failed', 'error', { propertyId, subject: property?.name ?? `property ${propertyId}` },
        `Rent Manager could not be read completely for this property (${failReason}): its deletions and credential removals are skipped this run.`),
    );
  }
  // SmartPlus objects that could not be read (issue 13): one problem line each; without them the
  // community's state is incomplete, so its deletions and removals wait, as after a failed read.
  const lostCommunity = ctx.unreadableCommunities.get(communityRef) ?? [];
  const unreadable = [...lostCommunity, ...(community?.state.unreadable ?? [])];
  for (const u of unreadable) out.problems.push(unreadableProblem(propertyId, u));
  if (lostCommunity.length > 0 && !community) return null; // it exists but cannot be read: neither created again nor changed
  const readFailed = failReason !== undefined || unreadable.length > 0;
  if (!property || !property.isActive) {
    if (!readFailed) {
      const reason = community
        ? `Property ${propertyId} is no longer in Rent Manager or the integration: community "${community.state.community.name}" is kept for you to decide.`
        : `Property ${propertyId} is not in Rent Manager or not enabled for the integration: nothing is synced for it.`;
      out.problems.push(problem('property-removed', 'warning', { propertyId, subject: property?.name ?? null }, reason));
    }
    return null;
  }

  if (!community) {
    out.operations.push({
      kind: 'create-community',
      id: `create-community:${communityRef}`,
      communityRef,
      target: communityRef,
      display: placeDisplay(property),
      ref: cref,
      name: property.name,
      address: property.address,
      timeZone: ctx.config.timeZone,
      why: 'Property enabled for the integration in Rent Manager.',
    });
  } else {
    const c = community.state.community;
    const changes: { name?: string; address?: string | null; timeZone?: string } = {};
    if (c.name !== property.name) changes.name = property.name;
    if ((c.address ?? null) !== (property.address ?? null)) changes.address = property.address;
    if (c.timeZone !== ctx.config.timeZone) changes.timeZone = ctx.config.timeZone;
    if (Object.keys(changes).length > 0) {
      out.operations.push({
        kind: 'update-community',
        id: `update-community:${communityRef}`,
        communityRef,
        target: communityRef,
        display: placeDisplay(property),
        communityId: c.id,
        changes,
        why: changes.timeZone !== undefined && Object.keys(changes).length === 1 ? "Time zone changed in the site's settings." : 'Property changed in Rent Manager.',
      });
    }
  }

  const syncedUnits = planApartments(ctx, property, communityRef, community, readFailed, out);
  return { property, communityRef, community, readFailed, syncedUnits };
}

function planApartments(
  ctx: PlanContext,
  property: RmProperty,
  communityRef: string,
  community: CommunityIndex | undefined,
  readFailed: boolean,
  out: PlanSink,
): RmUnit[] {
  const units = ctx.unitsByProperty.get(property.id) ?? [];
  const selection = ctx.config.apartments;
  const picked = selection === 'all' ? null : new Set(selection.custom);
  const synced: RmUnit[] = [];
  for (const unit of units) {
    const uref = unitRef(ctx.origin, unit.id);
    const key = refKey(uref);
    const apartment = community?.apartmentsByRef.get(key);
    if (picked && !picked.has(unit.id)) {
      const reason = apartment
        ? `Unit "${unit.name}" is no longer selected for sync: its apartment is kept as it is; add the unit to the selection to sync it again.`
        : `Unit "${unit.name}" is in Rent Manager but not synced (Custom selection): add it to the selection to sync it.`;
      out.problems.push(problem('unit-not-synced', 'info', { propertyId: property.id, unitId: unit.id, subject: unit.name }, reason));
      continue;
    }
    synced.push(unit);
    if (!apartment) {
      out.operations.push({
        kind: 'create-apartment',
        id: `create-apartment:${key}`,
        communityRef,
        target: key,
        display: placeDisplay(property, unit),
        ref: uref,
        name: unit.name,
        why: 'New unit in Rent Manager.',
      });
    } else if (apartment.name !== unit.name) {
      out.operations.push({
        kind: 'update-apartment',
        id: `update-apartment:${key}`,
        communityRef,
        target: key,
        display: placeDisplay(property, unit),
        apartmentId: apartment.id,
        changes: { name: unit.name },
        why: 'Unit renamed in Rent Manager.',
      });
    }
  }
  // Apartments whose unit left Rent Manager (or a Custom pick that no longer exists) are flagged,
  // never deleted (spec §5). After a failed read the unit list may be incomplete: no flags then.
  if (community && !readFailed) {
    const present = new Set(units.map((u) => u.id));
    for (const apartment of community.apartmentsByRef.values()) {
      const target = parseRefPath(apartment.externalRef!.id);
      if (target?.kind !== 'unit' || present.has(target.unitId)) continue;
      out.problems.push(
        problem('unit-removed', 'warning', { propertyId: property.id, unitId: target.unitId, subject: apartment.name },
          `Unit ${target.unitId} is no longer in Rent Manager: apartment "${apartment.name}" and its accounts are kept for you to decide.`),
      );
    }
  }
  return synced;
}

/** The problem line of one SmartPlus object that could not be read; keyed `unreadable-object` so the screen offers the diagnostics report. */
export function unreadableProblem(propertyId: number | null, u: UnreadableObject): Problem {
  return problem('unreadable-object', propertyId === null ? 'warning' : 'error', { propertyId, subject: u.object, field: u.field, value: u.got },
    `SmartPlus sent ${u.object} in a form SiteSync could not read (${u.field}: expected ${u.expected}, got ${u.got}). ` +
      `${propertyId === null ? 'It is left out of this run' : 'It is left as it is, and no account of this community is deleted this run'}. Save a diagnostics report and send it to support.`);
}
