import { z } from 'zod';

/**
 * How a sandbox shapes its answers (issue 13). `tidy`: every field present, contract order, as
 * the sandboxes always answered. `field`: the same data in the other legal shapes real servers
 * send — nulls (and, for SmartPlus, empty lists) left out, unknown extra fields, another key
 * order, numbers as strings and enums in lower case where the reference allows it, dates with an
 * offset. The clients must read both as the same objects.
 */
export const SandboxShapeSchema = z.enum(['tidy', 'field']);
/** See {@link SandboxShapeSchema}. */
export type SandboxShape = z.infer<typeof SandboxShapeSchema>;

/** The environment variable that picks the shape when a sandbox is started without one (tests, CLI). */
export const SANDBOX_SHAPE_ENV = 'SITESYNC_SANDBOX_SHAPE';

/** The shape named by {@link SANDBOX_SHAPE_ENV}, `tidy` when unset; a wrong value is an error, not a silent default. */
export function sandboxShapeFromEnv(env: Record<string, string | undefined> = process.env): SandboxShape {
  const raw = env[SANDBOX_SHAPE_ENV];
  if (raw === undefined || raw === '') return 'tidy';
  const parsed = SandboxShapeSchema.safeParse(raw.trim().toLowerCase());
  if (!parsed.success) throw new Error(`${SANDBOX_SHAPE_ENV} must be "tidy" or "field", not "${raw}".`);
  return parsed.data;
}

/** What a field-shape pass does to one object's keys; each rule sees the key and its (already reshaped) value. */
export interface FieldShapeRules {
  /** Leave out this key (null values, empty lists where the contract allows it). */
  omit(key: string, value: unknown): boolean;
  /** The value to send instead (a number as a string, an enum in lower case, a date with offset). */
  rewrite(key: string, value: unknown): unknown;
  /** Extra fields the reference does not name, added to every object. */
  extras(object: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Reshapes a JSON answer for the `field` mode: walks every object and array, applies the rules,
 * and writes each object's keys in reverse order (the contract promises no order).
 */
export function fieldShape(value: unknown, rules: FieldShapeRules): unknown {
  if (Array.isArray(value)) return value.map((item) => fieldShape(item, rules));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const keys = Object.keys(source).reverse();
  for (const key of keys) {
    const shaped = fieldShape(source[key], rules);
    if (rules.omit(key, shaped)) continue;
    out[key] = rules.rewrite(key, shaped);
  }
  return { ...rules.extras(source), ...out };
}
