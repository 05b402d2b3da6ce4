import type { UdfRow } from './schemas';

/** Characters a person cannot see in a field name: controls, zero-width and bidi marks, odd spaces. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u061c\u115f\u1160\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff]/gu;

const HAS_INVISIBLE = new RegExp(INVISIBLE.source, 'u');

/** A field choice as a person can read it: quoted, every invisible character spelled out (`\u200B`). */
export function visibleChoice(choice: number | string): string {
  if (typeof choice === 'number') return `ID ${choice}`;
  const shown = choice.replace(INVISIBLE, (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${shown}"`;
}

/**
 * The sentence for a PIN or RF card field choice that names no Rent Manager user-defined field
 * (issue 12): which field, why it did not match (invisible character, stray spaces, unknown ID),
 * and the tenant fields that do exist, so the installer can pick the right one.
 */
export function unresolvedFieldMessage(label: 'PIN' | 'RF card', setting: 'pinField' | 'rfCardField', choice: number | string, fields: readonly UdfRow[]): string {
  const hint = typeof choice === 'number'
    ? ' (no field has this ID any more)'
    : HAS_INVISIBLE.test(choice) ? ' (it contains an invisible character)' : /\s{2,}/.test(choice.trim()) ? ' (it contains extra spaces)' : '';
  const tenant = (f: UdfRow) => String(f.ParentType ?? '').toLowerCase() === 'tenant';
  const tenantFirst = [...fields].sort((a, b) => Number(tenant(b)) - Number(tenant(a)) || a.UserDefinedFieldID - b.UserDefinedFieldID);
  const list = tenantFirst.map((f) => `"${f.Name}" (ID ${f.UserDefinedFieldID}, ${String(f.FieldType)}${f.ParentType === undefined ? '' : `, ${String(f.ParentType)}`})`);
  const existing = list.length > 0 ? `The fields that exist are: ${list.join(', ')}.` : 'Rent Manager has no user-defined fields.';
  return `The ${label} field ${visibleChoice(choice)} (${setting}) is not a Rent Manager user-defined field${hint}. ${existing} Choose one of them for the site; nothing was changed.`;
}
