import { z } from 'zod';

/**
 * Rent Manager rows at the boundary (reference §4, §11). Unknown fields are dropped, every
 * non-key field is optional (null fields are omitted), enums may be strings or numbers, and
 * embedded lists stay `unknown[]` so one bad contact or lease is a problem for that row only.
 */
const Id = z.number().int();
const Text = z.string().optional();
const Flag = z.boolean().optional();
const Enum = z.union([z.string(), z.number()]).optional();
const Embedded = z.array(z.unknown()).optional();

/** `yyyy-MM-ddTHH:mm:ss` (no offset), as Rent Manager sends dates; offsets tolerated. */
export const RmDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, 'not a Rent Manager date');

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
  UpdateDate: RmDateTimeSchema.optional(),
});
/** See {@link PropertyRowSchema}. */
export type PropertyRow = z.infer<typeof PropertyRowSchema>;

/** A unit. */
export const UnitRowSchema = z.object({ UnitID: Id, PropertyID: Id, Name: Text, UnitTypeID: Id.optional(), UpdateDate: RmDateTimeSchema.optional() });
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
  ApplicantType: Enum,
  ContactTypeID: Id.optional(),
  ParentID: Id.optional(),
  PhoneNumbers: Embedded,
});
/** See {@link ContactRowSchema}. */
export type ContactRow = z.infer<typeof ContactRowSchema>;

/** A lease term (Leases embed `LeaseRenewals`). */
export const LeaseRenewalRowSchema = z.object({ LeaseRenewalID: Id, StartDate: RmDateTimeSchema.optional(), EndDate: RmDateTimeSchema.optional() });

/** A lease; StartDate/EndDate come only with the LeaseRenewals embed (reference §4.5). */
export const LeaseRowSchema = z.object({
  LeaseID: Id,
  TenantID: Id,
  UnitID: Id.nullable().optional(),
  PropertyID: Id.optional(),
  MoveInDate: RmDateTimeSchema.optional(),
  MoveOutDate: RmDateTimeSchema.optional(),
  ExpectedMoveOutDate: RmDateTimeSchema.optional(),
  StartDate: RmDateTimeSchema.optional(),
  EndDate: RmDateTimeSchema.optional(),
  LeaseRenewals: Embedded,
  UpdateDate: RmDateTimeSchema.optional(),
});
/** See {@link LeaseRowSchema}. */
export type LeaseRow = z.infer<typeof LeaseRowSchema>;

/** A user-defined value (embed `UserDefinedValues`); `Value` is a string, older builds sent numbers. */
export const UdvRowSchema = z.object({ UserDefinedFieldID: Id, ParentID: Id.optional(), Name: Text, Value: z.union([z.string(), z.number()]).optional(), FieldType: Enum });
/** See {@link UdvRowSchema}. */
export type UdvRow = z.infer<typeof UdvRowSchema>;

/** A tenant with its embeds. */
export const TenantRowSchema = z.object({
  TenantID: Id,
  TenantDisplayID: Id.optional(),
  Name: Text,
  FirstName: Text,
  LastName: Text,
  Status: Enum,
  PropertyID: Id,
  Contacts: Embedded,
  Leases: Embedded,
  UserDefinedValues: Embedded,
  UpdateDate: RmDateTimeSchema.optional(),
});
/** See {@link TenantRowSchema}. */
export type TenantRow = z.infer<typeof TenantRowSchema>;

/** A user-defined field definition. */
export const UdfRowSchema = z.object({ UserDefinedFieldID: Id, Name: z.string(), FieldType: z.union([z.string(), z.number()]), ParentType: Enum });
/** See {@link UdfRowSchema}. */
export type UdfRow = z.infer<typeof UdfRowSchema>;

/** A short, readable summary of why a row failed validation. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'row'}: ${i.message}`)
    .join('; ');
}
