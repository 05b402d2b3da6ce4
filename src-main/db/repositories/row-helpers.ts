import type { z } from 'zod';
import { type Problem, ProblemSchema } from '../../../src-shared/domain/run';

/** A JSON column read back through its schema (a row written by an older or broken build fails here, named, instead of flowing on as a cast). */
export function jsonColumn<S extends z.ZodType>(schema: S, text: string, column: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new Error(`The local database column ${column} holds text that is not JSON.`, { cause });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`The local database column ${column} does not have the expected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  return parsed.data;
}

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
