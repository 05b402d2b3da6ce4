import { z } from 'zod';
import { BOUNDS, IdSchema } from './bounds';
import { ConnectionSummarySchema } from '../../domain/connection';
import { RmCompanyCodeSchema } from '../../domain/rentmanager-connection';
import { ServiceUrlSchema } from '../../rules/service-url';

/** A connection as the Connections screen lists it: the summary (never the secret) and how many sites read from it. */
export const ConnectionListItemSchema = ConnectionSummarySchema.extend({
  siteCount: z.number().int().nonnegative(),
});
/** See {@link ConnectionListItemSchema}. */
export type ConnectionListItem = z.infer<typeof ConnectionListItemSchema>;

const SecretSchema = z.string().min(1).max(BOUNDS.secret);
/** A service address: https, or plain http only to this computer (rules/service-url.ts). */
const HttpUrlSchema = ServiceUrlSchema;

/**
 * How a Rent Manager connection signs in, as typed on the screen. The secret (password or
 * partner token) is optional when editing: absent means "keep the one saved in the keychain".
 */
export const RmSignInSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api-user'), username: z.string().max(BOUNDS.name).trim().min(1), password: SecretSchema.optional() }),
  z.object({ kind: z.literal('partner-token'), partnerToken: SecretSchema.optional() }),
]);
/** See {@link RmSignInSchema}. */
export type RmSignIn = z.infer<typeof RmSignInSchema>;

/** What the screen sends to sign in and list a company's locations (before or instead of saving). */
export const RmLocationsRequestSchema = z.object({
  /** An existing connection whose saved secret is used when none is typed. */
  id: IdSchema.optional(),
  companyCode: RmCompanyCodeSchema,
  /** Server address override (the sandbox, a proxy); empty = `https://<code>.api.rentmanager.com`. */
  baseUrl: HttpUrlSchema.optional(),
  signIn: RmSignInSchema,
});
/** See {@link RmLocationsRequestSchema}. */
export type RmLocationsRequest = z.infer<typeof RmLocationsRequestSchema>;

/** A Rent Manager connection to save: the sign-in, a name for the customer and the chosen location. */
export const SaveRentManagerSchema = RmLocationsRequestSchema.extend({
  label: z.string().max(120).trim().min(1),
  locationId: z.number().int().positive(),
});
/** See {@link SaveRentManagerSchema}. */
export type SaveRentManager = z.infer<typeof SaveRentManagerSchema>;

/** The installer's SmartPlus account to save; `password` absent keeps the saved one. */
export const SaveSmartPlusSchema = z.object({
  id: IdSchema.optional(),
  /** The account's name on screens ("North region"); unique among SmartPlus accounts. Absent: kept, or "SmartPlus account". */
  label: z.string().max(120).trim().min(1).optional(),
  /** "Add another account" (issue 16): save as a new account instead of updating the only one. */
  newAccount: z.boolean().optional(),
  baseUrl: HttpUrlSchema,
  username: z.string().max(BOUNDS.name).trim().min(1),
  password: SecretSchema.optional(),
});
/** See {@link SaveSmartPlusSchema}. */
export type SaveSmartPlus = z.infer<typeof SaveSmartPlusSchema>;

/** One Rent Manager location (database) a user can see. */
export const RmLocationSchema = z.object({ id: z.number().int(), name: z.string(), isMain: z.boolean() });
/** See {@link RmLocationSchema}. */
export type RmLocation = z.infer<typeof RmLocationSchema>;

/** Why a sign-in failed: the code, what happened, and what to do next. */
export const ConnectionFailureSchema = z.object({
  code: z.string(),
  message: z.string(),
  nextStep: z.string(),
});
/** See {@link ConnectionFailureSchema}. */
export type ConnectionFailure = z.infer<typeof ConnectionFailureSchema>;

/** The outcome of signing in: what the service showed (locations, or the SmartPlus account's name), or why it failed. */
export const ConnectionTestResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    testedAt: z.string(),
    locations: z.array(RmLocationSchema),
    accountName: z.string().nullable(),
  }),
  z.object({ ok: z.literal(false), testedAt: z.string(), failure: ConnectionFailureSchema }),
]);
/** See {@link ConnectionTestResultSchema}. */
export type ConnectionTestResult = z.infer<typeof ConnectionTestResultSchema>;

const ByIdSchema = z.object({ id: IdSchema });

/** A community of a SmartPlus account as its card lists it (issue 16), with the sites that sync to it. */
export const AccountCommunitySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The name of the SiteSync site of this community, or null for a hand-made (or other tool's) community. */
  siteName: z.string().nullable(),
});
/** See {@link AccountCommunitySchema}. */
export type AccountCommunity = z.infer<typeof AccountCommunitySchema>;

/** Call schemas of the `connections.*` channels. Secrets go in; only summaries and test results come out. */
export const connectionsCalls = {
  'connections.list': { input: z.undefined(), output: z.array(ConnectionListItemSchema) },
  'connections.saveRentManager': { input: SaveRentManagerSchema, output: ConnectionListItemSchema },
  'connections.saveSmartPlus': { input: SaveSmartPlusSchema, output: ConnectionListItemSchema },
  'connections.listLocations': { input: RmLocationsRequestSchema, output: ConnectionTestResultSchema },
  'connections.test': { input: ByIdSchema, output: ConnectionTestResultSchema },
  'connections.remove': { input: ByIdSchema, output: z.object({ removed: z.boolean() }) },
  'connections.listCommunities': { input: z.object({ accountId: IdSchema }), output: z.array(AccountCommunitySchema) },
} as const;

/** Event schemas of the `connections.*` events: a connection was saved, removed, or its status changed. */
export const connectionsEvents = {
  'connections.changed': z.object({ id: z.string(), change: z.enum(['saved', 'removed', 'status']) }),
} as const;
