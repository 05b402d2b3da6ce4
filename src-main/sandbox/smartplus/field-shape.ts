import { fieldShape, type FieldShapeRules } from '../shape';

const UTC_STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/;

/**
 * SmartPlus's other legal shapes (shared/reference/smartplus-cloud-api.md, "Conventions"): "an
 * answer may leave out a field whose value is null or an empty list, and may carry fields this
 * page does not name". Timestamps stay ISO-8601 UTC, written with `+00:00` instead of `Z`.
 * The contract allows no numbers as strings and spells its enums in lower case: those stay.
 */
const SMARTPLUS_FIELD_RULES: FieldShapeRules = {
  omit: (_key, value) => value === null || (Array.isArray(value) && value.length === 0),
  rewrite: (_key, value) => {
    if (typeof value !== 'string') return value;
    const m = UTC_STAMP.exec(value);
    return m ? `${m[1]}+00:00` : value;
  },
  extras: (object) => ('id' in object ? { etag: `W/"${String(object['id'])}-1"`, _links: { self: { href: `/sandbox/${String(object['id'])}` } } } : { requestTraceId: 'sandbox-trace' }),
};

/** A SmartPlus answer body in the `field` shape. */
export function smartPlusFieldShape(body: unknown): unknown {
  return fieldShape(body, SMARTPLUS_FIELD_RULES);
}
