import { fieldShape, type FieldShapeRules } from '../shape';

/** Enums Rent Manager serialises as strings (reference §4.3): sent in lower case in the field shape. */
const ENUM_FIELDS = new Set(['Status', 'ApplicantType', 'ParentType', 'FieldType']);

/**
 * Secondary IDs sent as numeric strings in the field shape. The reference types IDs as integers
 * but records clients that model them loosely (a 2018 client typed FieldType as a number, `Value`
 * is a string holding numbers): a reader must not fail a row over `"7"` for `7`.
 */
const STRING_NUMBER_FIELDS = new Set(['TenantDisplayID', 'UnitTypeID', 'ContactTypeID', 'PhoneNumberTypeID', 'UserDefinedValueID']);

const LOCAL_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * Rent Manager's other legal shapes (shared/reference/rent-manager-api.md §4, §7, §11): null
 * fields omitted (the tidy shape already does), fields the reference does not name, another key
 * order, enums in lower case, secondary IDs as strings, and dates with an offset (as the help
 * portal's samples show them, `…-05:00`) instead of bare local wall time.
 */
const RENT_MANAGER_FIELD_RULES: FieldShapeRules = {
  omit: (_key, value) => value === null || value === undefined,
  rewrite: (key, value) => {
    if (ENUM_FIELDS.has(key) && typeof value === 'string') return value.toLowerCase();
    if (STRING_NUMBER_FIELDS.has(key) && typeof value === 'number') return String(value);
    if (key.endsWith('Date') && typeof value === 'string' && LOCAL_STAMP.test(value)) return `${value}-05:00`;
    return value;
  },
  extras: () => ({ ConcurrencyID: 1, MetaTag: 'sandbox', NewerBuildField: { Note: 'not in the reference' } }),
};

/** A Rent Manager answer body in the `field` shape. */
export function rentManagerFieldShape(body: unknown): unknown {
  return fieldShape(body, RENT_MANAGER_FIELD_RULES);
}
