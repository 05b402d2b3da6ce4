import { type Problem, ProblemSchema } from '../../../src-shared/domain/run';

/** SQLite has no booleans: 0/1 in, booleans out. */
export function bool(value: unknown): boolean {
  return value === 1 || value === 1n || value === true;
}

/** Booleans to SQLite integers. */
export function int(value: boolean): number {
  return value ? 1 : 0;
}

/**
 * A key that sorts unit names the way people read them ("2" before "10", "A-2" before "A-10"):
 * lowercase, with every run of digits zero-padded.
 */
export function naturalSortKey(name: string): string {
  return name.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

/** A row of the `problems` table as a validated Problem (run history and an apartment's history share it). */
export function problemFromRow(r: Record<string, unknown>): Problem {
  return ProblemSchema.parse({
    kind: r.kind,
    severity: r.severity,
    propertyId: r.property_id,
    unitId: r.unit_id,
    tenantId: r.tenant_id,
    contactId: r.contact_id,
    subject: r.subject,
    field: r.field,
    value: r.value,
    reason: r.reason,
  });
}
