import type { OperationDisplay } from '../../../src-shared/domain/sync-plan';
import type { Problem, ProblemKind } from '../../../src-shared/domain/run';
import type { RmContact, RmProperty, RmTenant, RmUnit } from '../../../src-shared/domain/rentmanager';

/** Where a problem is, in Rent Manager IDs (all optional). */
export interface ProblemPlace {
  readonly propertyId?: number | null;
  readonly unitId?: number | null;
  readonly tenantId?: number | null;
  readonly contactId?: number | null;
  readonly subject?: string | null;
  readonly field?: string | null;
  /** Display-safe: callers mask PINs before passing them. */
  readonly value?: string | null;
}

/** Builds a {@link Problem}: the kind, how bad, where, and a reason a person can act on. */
export function problem(kind: ProblemKind, severity: Problem['severity'], place: ProblemPlace, reason: string): Problem {
  return {
    kind,
    severity,
    propertyId: place.propertyId ?? null,
    unitId: place.unitId ?? null,
    tenantId: place.tenantId ?? null,
    contactId: place.contactId ?? null,
    subject: place.subject ?? null,
    field: place.field ?? null,
    value: place.value ?? null,
    reason,
  };
}

/** "Jane Doe (tenant 920)" — a tenant as the installer finds it in Rent Manager. */
export function tenantLabel(tenant: RmTenant): string {
  return `${tenant.name} (tenant ${tenant.displayId ?? tenant.id})`;
}

/** "Jane Doe (tenant 920)" for a contact of a tenant. */
export function contactLabel(contact: RmContact, tenant: RmTenant): string {
  const name = `${contact.firstName} ${contact.lastName}`.trim() || tenant.name;
  return `${name} (tenant ${tenant.displayId ?? tenant.id})`;
}

/** The display block of an operation on a community or apartment. */
export function placeDisplay(property: RmProperty | { id: number; name: string }, unit?: RmUnit | null): OperationDisplay {
  return {
    propertyId: property.id,
    property: property.name,
    unitId: unit?.id ?? null,
    unit: unit?.name ?? null,
    tenantId: null,
    contactId: null,
    person: null,
  };
}

/** The display block of an operation on a person. */
export function personDisplay(property: RmProperty, unit: RmUnit, tenant: RmTenant, contact: RmContact): OperationDisplay {
  return {
    ...placeDisplay(property, unit),
    tenantId: tenant.id,
    contactId: contact.id,
    person: contactLabel(contact, tenant),
    applicantType: contact.applicantType,
  };
}
