import { AppError } from '../../src-shared/errors';

/** The filter operators SiteSync uses (reference §5.4; `gte`/`lte` do not exist in Rent Manager). */
export type RmFilterOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'in' | 'bt';

/** A filter value: numbers, booleans, text, or a `YYYY-MM-DD[THH:mm:ss]` date. */
export type RmFilterValue = string | number | boolean;

/** One `Field,op,value` term of a `filters=` parameter. */
export interface RmFilter {
  readonly field: string;
  readonly op: RmFilterOp;
  readonly values: readonly RmFilterValue[];
}

function term(field: string, op: RmFilterOp, values: readonly RmFilterValue[]): RmFilter {
  if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(field)) throw new AppError('BAD_INPUT', `Not a Rent Manager field name: ${field}`);
  for (const v of values) {
    if (typeof v === 'string' && /[,;()]/.test(v)) {
      throw new AppError('BAD_INPUT', `Rent Manager filters cannot carry , ; ( or ) in a value: ${JSON.stringify(v)}`);
    }
    if (typeof v === 'number' && !Number.isFinite(v)) throw new AppError('BAD_INPUT', `Not a finite number: ${v}`);
  }
  return { field, op, values };
}

/** A small typed builder for Rent Manager filters: `rmFilter.in('PropertyID', [1, 2])`. */
export const rmFilter = {
  eq: (field: string, value: RmFilterValue) => term(field, 'eq', [value]),
  ne: (field: string, value: RmFilterValue) => term(field, 'ne', [value]),
  gt: (field: string, value: RmFilterValue) => term(field, 'gt', [value]),
  ge: (field: string, value: RmFilterValue) => term(field, 'ge', [value]),
  lt: (field: string, value: RmFilterValue) => term(field, 'lt', [value]),
  le: (field: string, value: RmFilterValue) => term(field, 'le', [value]),
  in: (field: string, values: readonly RmFilterValue[]) => {
    if (values.length === 0) throw new AppError('BAD_INPUT', `An "in" filter on ${field} needs at least one value.`);
    return term(field, 'in', values);
  },
  bt: (field: string, from: RmFilterValue, to: RmFilterValue) => term(field, 'bt', [from, to]),
};

/**
 * The `filters=` value: terms joined by `;` (AND), lists in parentheses. It is the raw value;
 * the transport URL-encodes it (commas become %2C, reference §5.4).
 */
export function filtersParam(filters: readonly RmFilter[]): string {
  return filters
    .map((f) => {
      const values = f.values.map(String);
      const value = f.op === 'in' || f.op === 'bt' ? `(${values.join(',')})` : values[0]!;
      return `${f.field},${f.op},${value}`;
    })
    .join(';');
}

/** Builds a query string with every key and value percent-encoded (axios would leave commas raw). */
export function encodeQuery(params: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}
