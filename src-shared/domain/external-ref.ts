import { z } from 'zod';

/**
 * Where a SmartPlus object came from (shared/reference/smartplus-cloud-api.md, "externalRef").
 * Rent Manager IDs repeat across locations, so customer (company code) + location + path all count.
 * Paths: `property:12`, `unit:340`, `unit:340/contact:9981`.
 */
export const ExternalRefSchema = z.object({
  system: z.literal('rentmanager'),
  customer: z.string().min(1),
  location: z.number().int(),
  id: z.string().min(1),
});
/** See {@link ExternalRefSchema}. */
export type ExternalRef = z.infer<typeof ExternalRefSchema>;

/** The Rent Manager company and location a snapshot was read from. */
export interface RmOrigin {
  readonly customer: string;
  readonly location: number;
}

/** The externalRef of the community made from property `propertyId`. */
export function propertyRef(origin: RmOrigin, propertyId: number): ExternalRef {
  return { system: 'rentmanager', customer: origin.customer, location: origin.location, id: `property:${propertyId}` };
}

/** The externalRef of the apartment made from unit `unitId`. */
export function unitRef(origin: RmOrigin, unitId: number): ExternalRef {
  return { system: 'rentmanager', customer: origin.customer, location: origin.location, id: `unit:${unitId}` };
}

/** The externalRef of the family member made from contact `contactId` living in unit `unitId`. */
export function contactRef(origin: RmOrigin, unitId: number, contactId: number): ExternalRef {
  return {
    system: 'rentmanager',
    customer: origin.customer,
    location: origin.location,
    id: `unit:${unitId}/contact:${contactId}`,
  };
}

/** The one-string form used in `?externalRef=` queries and as a map key: `rentmanager:<corp>:<location>:<id>`. */
export function refKey(ref: ExternalRef): string {
  return `${ref.system}:${ref.customer}:${ref.location}:${ref.id}`;
}

/** Parses {@link refKey}'s output; returns null for anything else. */
export function parseRefKey(key: string): ExternalRef | null {
  const match = /^rentmanager:([^:]+):(-?\d+):(.+)$/.exec(key);
  if (!match) return null;
  return { system: 'rentmanager', customer: match[1]!, location: Number(match[2]), id: match[3]! };
}

/** What an externalRef path points at, with its Rent Manager IDs. */
export type RefTarget =
  | { kind: 'property'; propertyId: number }
  | { kind: 'unit'; unitId: number }
  | { kind: 'contact'; unitId: number; contactId: number };

/** Reads the path of an externalRef (`property:12`, `unit:340`, `unit:340/contact:9981`); null if malformed. */
export function parseRefPath(id: string): RefTarget | null {
  let m = /^property:(\d+)$/.exec(id);
  if (m) return { kind: 'property', propertyId: Number(m[1]) };
  m = /^unit:(\d+)$/.exec(id);
  if (m) return { kind: 'unit', unitId: Number(m[1]) };
  m = /^unit:(\d+)\/contact:(\d+)$/.exec(id);
  if (m) return { kind: 'contact', unitId: Number(m[1]), contactId: Number(m[2]) };
  return null;
}
