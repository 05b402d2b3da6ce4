import { z } from 'zod';
import { ServiceUrlSchema } from '../rules/service-url';

/** How SiteSync signs in to Rent Manager: an API user, or a partner token (shared/reference/rent-manager-api.md §3). */
export const RmAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), username: z.string().min(1), password: z.string().min(1) }),
  z.object({ kind: z.literal('partner'), partnerToken: z.string().min(1) }),
]);
/** See {@link RmAuthSchema}. */
export type RmAuth = z.infer<typeof RmAuthSchema>;

/** A Rent Manager company code: the `<code>` of `https://<code>.api.rentmanager.com`. */
export const RmCompanyCodeSchema = z
  .string()
  .max(63)
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a company code is letters, digits and dashes (as in <code>.api.rentmanager.com)');

/**
 * One Rent Manager connection (a customer): company code, location and credentials. `baseUrl`
 * overrides the host derived from the company code (the sandbox, a proxy).
 */
export const RmConnectionSettingsSchema = z.object({
  companyCode: RmCompanyCodeSchema,
  locationId: z.number().int().positive().default(1),
  auth: RmAuthSchema,
  baseUrl: ServiceUrlSchema.optional(),
});
/** See {@link RmConnectionSettingsSchema}. */
export type RmConnectionSettings = z.infer<typeof RmConnectionSettingsSchema>;

/** The API host of a company: `https://<code>.api.rentmanager.com`, unless overridden. */
export function rentManagerBaseUrl(settings: Pick<RmConnectionSettings, 'companyCode' | 'baseUrl'>): string {
  return settings.baseUrl ?? `https://${settings.companyCode}.api.rentmanager.com`;
}
