import type { FieldSample } from '../../src-shared/ipc/contract/sites';
import { rmFilter } from '../rentmanager/filters';
import { toField } from '../rentmanager/normalize';
import { pinFieldWarning } from '../rentmanager/read-snapshot';
import { UdvRowSchema } from '../rentmanager/schemas';
import type { ConnectionClients } from './connection-clients';

/** How many sample values a field shows. */
export const SAMPLE_LIMIT = 3;

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const isTenantField = (parentType: string | null) => parentType === null || parentType.toLowerCase() === 'tenant';

/** A PIN as its shape only ("••••", one dot a digit): the wizard shows how PINs look, never a PIN. */
export function maskPinSample(value: string): string {
  return '•'.repeat(Math.min(value.length, 16));
}

/** An RF card with all but its last two characters hidden ("••••••3D"). */
export function maskCardSample(value: string): string {
  return value.length <= 2 ? '•'.repeat(value.length) : `${'•'.repeat(Math.min(value.length - 2, 14))}${value.slice(-2)}`;
}

/**
 * The tenant user-defined fields of a customer with what the chosen properties hold in them:
 * how many tenants have a value, and a few samples masked both ways (as a PIN and as a card),
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
      const distinct = [...new Set(held)].slice(0, SAMPLE_LIMIT);
      return {
        id: f.id,
        name: f.name,
        fieldType: f.fieldType,
        pinWarning: pinFieldWarning(f),
        tenants: rows.length,
        tenantsWithValue: held.length,
        pinSamples: distinct.map(maskPinSample),
        cardSamples: distinct.map(maskCardSample),
      };
    })
    .sort((a, b) => b.tenantsWithValue - a.tenantsWithValue || byName.compare(a.name, b.name));
}
