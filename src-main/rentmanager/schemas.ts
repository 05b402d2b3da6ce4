import { z } from 'zod';
import { issueText, knownCase, localDateTime, looseInt, looseText, optional } from '../lib/wire-read';

/**
 * Rent Manager rows at the boundary (reference §4, §11), built from the shared wire-read parts
 * (src-main/lib/wire-read.ts). Unknown fields are dropped; every non-key field is optional and
 * null ≡ absent (null fields are normally omitted, but the reference's own samples send
 * `"MoveOutDate": null`); IDs may come as numeric strings; enums may be strings in any case or
 * numbers; embedded lists stay `unknown[]` so one bad contact or lease is a problem for that row only.
 */
const Id = looseInt();
const Text = optional(z.string());
const Flag = optional(z.boolean());
/** Enum spellings the reference shows (§4.3, §4.4, §4.6, §11); other values are kept as sent. */
const TenantStatus = optional(knownCase(['Current', 'Past', 'Future']));
const ApplicantType = optional(knownCase(['Primary', 'Occupant', 'Guarantor', 'Co-Signer']));
const FieldType = knownCase(['Text', 'Numeric', 'Date']);
const ParentType = optional(knownCase(['Tenant', 'Contact', 'Unit', 'Property']));
const Embedded = optional(z.array(z.unknown()));

/** `yyyy-MM-ddTHH:mm:ss` (no offset), as Rent Manager sends dates; offsets and fractions tolerated. */
export const RmDateTimeSchema = localDateTime();
const RmDate = optional(RmDateTimeSchema);

/** A location (`/Current/Locations`). */
export const LocationRowSchema = z.object({ LocationID: Id, Name: Text, FriendlyName: Text, IsMainLocation: Flag });
/** See {@link LocationRowSchema}. */
export type LocationRow = z.infer<typeof LocationRowSchema>;

/** An address (Properties embed `Addresses`). */
export const AddressRowSchema = z.object({ Address: Text, Street: Text, City: Text, State: Text, PostalCode: Text, IsPrimary: Flag });

/** A property. */
export const PropertyRowSchema = z.object({
  PropertyID: Id,
  Name: Text,
  ShortName: Text,
  IsActive: Flag,
  Addresses: z.array(AddressRowSchema).optional(),
  UpdateDate: RmDate,
});
/** See {@link PropertyRowSchema}. */
export type PropertyRow = z.infer<typeof PropertyRowSchema>;

/** A unit. */
export const UnitRowSchema = z.object({ UnitID: Id, PropertyID: Id, Name: Text, UnitTypeID: optional(Id), UpdateDate: RmDate });
/** See {@link UnitRowSchema}. */
export type UnitRow = z.infer<typeof UnitRowSchema>;

/** A phone number (Contacts embed `PhoneNumbers`). */
export const PhoneRowSchema = z.object({ PhoneNumber: Text, StrippedPhoneNumber: Text, IsPrimary: Flag });

/** A tenant contact (Tenants embed `Contacts`). */
export const ContactRowSchema = z.object({
  ContactID: Id,
  FirstName: Text,
  LastName: Text,
  Email: Text,
  IsPrimary: Flag,
  IsActive: Flag,
  ApplicantType,
  ContactTypeID: optional(Id),
  ParentID: optional(Id),
  PhoneNumbers: Embedded,
});
/** See {@link ContactRowSchema}. */
export type ContactRow = z.infer<typeof ContactRowSchema>;

/** A lease term (Leases embed `LeaseRenewals`). */
export const LeaseRenewalRowSchema = z.object({ LeaseRenewalID: Id, StartDate: RmDate, EndDate: RmDate });

/** A lease; StartDate/EndDate come only with the LeaseRenewals embed (reference §4.5). */
export const LeaseRowSchema = z.object({
  LeaseID: Id,
  TenantID: Id,
  UnitID: optional(Id),
  PropertyID: optional(Id),
  MoveInDate: RmDate,
  MoveOutDate: RmDate,
  ExpectedMoveOutDate: RmDate,
  StartDate: RmDate,
  EndDate: RmDate,
  LeaseRenewals: Embedded,
  UpdateDate: RmDate,
});
/** See {@link LeaseRowSchema}. */
export type LeaseRow = z.infer<typeof LeaseRowSchema>;

/** A user-defined value (embed `UserDefinedValues`); `Value` is a string, older builds sent numbers. */
export const UdvRowSchema = z.object({ UserDefinedFieldID: Id, ParentID: optional(Id), Name: Text, Value: optional(looseText()), FieldType: optional(FieldType) });
/** See {@link UdvRowSchema}. */
export type UdvRow = z.infer<typeof UdvRowSchema>;

/** A tenant with its embeds. */
export const TenantRowSchema = z.object({
  TenantID: Id,
  TenantDisplayID: optional(Id),
  Name: Text,
  FirstName: Text,
  LastName: Text,
  Status: TenantStatus,
  PropertyID: Id,
  Contacts: Embedded,
  Leases: Embedded,
  UserDefinedValues: Embedded,
  UpdateDate: RmDate,
});
/** See {@link TenantRowSchema}. */
export type TenantRow = z.infer<typeof TenantRowSchema>;

/** A user-defined field definition. */
export const UdfRowSchema = z.object({ UserDefinedFieldID: Id, Name: z.string(), FieldType, ParentType });
/** See {@link UdfRowSchema}. */
export type UdfRow = z.infer<typeof UdfRowSchema>;

/** Why a row failed validation, as a problem line says it: the first field, what was expected, what came. */
export function describeIssues(error: z.ZodError, row: unknown): string {
  return issueText(error, row);
}
