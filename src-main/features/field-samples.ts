import type { FieldSample } from '../../src-shared/ipc/contract/sites';
import { rmFilter } from '../rentmanager/filters';
import { toField } from '../rentmanager/normalize';
import { pinFieldWarning } from '../rentmanager/read-snapshot';
import { UdvRowSchema } from '../rentmanager/schemas';
import type { ConnectionClients } from './connection-clients';

/** How many value shapes a field shows. */
export const SAMPLE_LIMIT = 3;

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const isTenantField = (parentType: string | null) => parentType === null || parentType.toLowerCase() === 'tenant';

/**
 * A value described by its shape only — "4 digits", "8 hex characters", "text, 7 characters" —
 * so the installer can tell a PIN field from a card field (and spot a Numeric field's short PINs)
 * without the wizard ever showing a PIN, a card or a tenant's text.
 */
export function describeShape(value: string): string {
  const n = value.length;
  if (/^\d+$/.test(value)) return `${n} ${n === 1 ? 'digit' : 'digits'}`;
  if (/^[0-9A-Fa-f]+$/.test(value)) return `${n} hex characters`;
  return `text, ${n} ${n === 1 ? 'character' : 'characters'}`;
}

/**
 * The tenant user-defined fields of a customer with what the chosen properties hold in them:
 * how many tenants have a value, and the shapes of a few values (never a value),
 * so the installer picks the PIN and RF card fields from evidence, not from a name (issue 16).
 */
export async function listFieldSamples(clients: Pick<ConnectionClients, 'rentManager'>, connectionId: string, propertyIds: readonly number[]): Promise<FieldSample[]> {
  const client = await clients.rentManager(connectionId);
  const [fields, tenants] = await Promise.all([
    client.userDefinedFields(),
    client.tenants({ filters: [rmFilter.in('PropertyID', [...propertyIds])], fields: ['TenantID', 'PropertyID', 'UserDefinedValues'] }),
  ]);
  const chosen = new Set(propertyIds);
  const rows = tenants.rows.filter((t) => chosen.has(t.PropertyID));
  const values = new Map<number, string[]>();
  for (const tenant of rows) {
    for (const raw of tenant.UserDefinedValues ?? []) {
      const udv = UdvRowSchema.safeParse(raw);
      if (!udv.success || udv.data.Value === undefined) continue;
      const text = String(udv.data.Value).trim();
      if (text === '') continue;
      values.set(udv.data.UserDefinedFieldID, [...(values.get(udv.data.UserDefinedFieldID) ?? []), text]);
    }
  }
  return fields.rows
    .map(toField)
    .filter((f) => isTenantField(f.parentType))
    .map((f) => {
      const held = values.get(f.id) ?? [];
      const shapes = [...new Set(held.map(describeShape))].slice(0, SAMPLE_LIMIT);
      return {
        id: f.id,
        name: f.name,
        fieldType: f.fieldType,
        pinWarning: pinFieldWarning(f),
        tenants: rows.length,
        tenantsWithValue: held.length,
        shapes,
      };
    })
    .sort((a, b) => b.tenantsWithValue - a.tenantsWithValue || byName.compare(a.name, b.name));
}
