import { z } from 'zod';

/** Which service a connection signs in to. */
export const ConnectionKindSchema = z.enum(['rentmanager', 'smartplus']);
/** See {@link ConnectionKindSchema}. */
export type ConnectionKind = z.infer<typeof ConnectionKindSchema>;

/**
 * How a connection signs in (spec §15): a Rent Manager API user (user name + password) or
 * partner token, or the installer's SmartPlus account (user name + password).
 */
export const AuthKindSchema = z.enum(['api-user', 'partner-token', 'smartplus-account']);
/** See {@link AuthKindSchema}. */
export type AuthKind = z.infer<typeof AuthKindSchema>;

/**
 * Whether the connection's secret is usable, as the renderer may see it: the secret itself
 * stays in the OS keychain and never crosses IPC.
 */
export const ConnectionStatusSchema = z.enum(['configured', 'missing', 'rejected']);
/** See {@link ConnectionStatusSchema}. */
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

/** The non-secret settings of a connection, as stored in the local database. */
export const ConnectionSettingsSchema = z.object({
  id: z.string().min(1),
  kind: ConnectionKindSchema,
  label: z.string().min(1),
  /** Rent Manager company code (the `corpid` of the API host); null for SmartPlus. */
  companyCode: z.string().min(1).nullable(),
  /** Rent Manager location (database) ID; null for SmartPlus. */
  locationId: z.number().int().nullable(),
  baseUrl: z.string().url(),
  authKind: AuthKindSchema,
  /** The API user or account name; null for partner tokens. */
  username: z.string().min(1).nullable(),
  isSandbox: z.boolean(),
});
/** See {@link ConnectionSettingsSchema}. */
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;

/** A connection as screens list it: settings plus the secret's status — never the secret. */
export const ConnectionSummarySchema = ConnectionSettingsSchema.extend({
  status: ConnectionStatusSchema,
  updatedAt: z.string(),
});
/** See {@link ConnectionSummarySchema}. */
export type ConnectionSummary = z.infer<typeof ConnectionSummarySchema>;

/** A customer of the installer: a Rent Manager company with one set of credentials (spec §2). */
export const CustomerSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  connectionId: z.string().min(1).nullable(),
  isSandbox: z.boolean(),
});
/** See {@link CustomerSchema}. */
export type Customer = z.infer<typeof CustomerSchema>;
