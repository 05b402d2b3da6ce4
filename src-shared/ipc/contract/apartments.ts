import { z } from 'zod';
import { BOUNDS, IdSchema } from './bounds';
import { ApartmentDetailSchema, ApartmentPageSchema, ApartmentQuerySchema, ApartmentRowSchema } from '../../domain/site';
import { SyncPolicySchema } from '../../domain/policy';

/** The answer to a PIN reveal: the PIN, or null when the resident has none. Shown briefly, never kept by the renderer. */
export const RevealedPinSchema = z.object({ pin: z.string().nullable() });

/** What "Add to sync" did for a Custom site: the unit is on the site's list now (spec §5). */
export const AddToSyncResultSchema = z.object({
  policy: SyncPolicySchema,
  /** False when the unit was on the list already (or the site syncs all units). */
  added: z.boolean(),
  /** The resync started when asked for, or null. */
  runId: z.string().nullable(),
});
/** See {@link AddToSyncResultSchema}. */
export type AddToSyncResult = z.infer<typeof AddToSyncResultSchema>;

/** A list row with its credential state: how many accounts have a PIN and how many an RF card. */
export const ApartmentListRowSchema = ApartmentRowSchema.extend({ pinCount: z.number().int(), cardCount: z.number().int() });
/** See {@link ApartmentListRowSchema}. */
export type ApartmentListRow = z.infer<typeof ApartmentListRowSchema>;

/** A page of the apartment list as the browser shows it. */
export const ApartmentListPageSchema = ApartmentPageSchema.extend({ rows: z.array(ApartmentListRowSchema) });
/** See {@link ApartmentListPageSchema}. */
export type ApartmentListPage = z.infer<typeof ApartmentListPageSchema>;

/** The fewest characters a resident search needs, and the most matches it returns (issue 16). */
export const RESIDENT_SEARCH = { minChars: 2, maxResults: 50 } as const;

/**
 * One resident found by the search across all sites: who, where, and the apartment to open.
 * Never a PIN or a card number — only what the search matched on.
 */
export const ResidentMatchSchema = z.object({
  residentId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  siteId: z.string(),
  siteName: z.string(),
  apartmentId: z.string(),
  apartmentName: z.string(),
});
/** See {@link ResidentMatchSchema}. */
export type ResidentMatch = z.infer<typeof ResidentMatchSchema>;

/** The answer to a resident search: up to {@link RESIDENT_SEARCH}.maxResults matches, and whether there were more. */
export const ResidentSearchResultSchema = z.object({ matches: z.array(ResidentMatchSchema), more: z.boolean() });
/** See {@link ResidentSearchResultSchema}. */
export type ResidentSearchResult = z.infer<typeof ResidentSearchResultSchema>;

/** Call schemas of the `apartments.*` channels: the apartment browser (spec §9), all read from the local copy. */
export const apartmentsCalls = {
  'apartments.list': { input: ApartmentQuerySchema, output: ApartmentListPageSchema },
  'apartments.get': { input: z.object({ apartmentId: IdSchema }), output: ApartmentDetailSchema },
  'apartments.revealPin': { input: z.object({ residentId: IdSchema }), output: RevealedPinSchema },
  'apartments.searchResidents': {
    input: z.object({ query: z.string().trim().min(RESIDENT_SEARCH.minChars, `Type at least ${RESIDENT_SEARCH.minChars} characters to search.`).max(BOUNDS.name) }),
    output: ResidentSearchResultSchema,
  },
  'apartments.addToSync': {
    input: z.object({ siteId: IdSchema, unitId: z.number().int().positive(), resync: z.boolean().default(false) }),
    output: AddToSyncResultSchema,
  },
} as const;

/** The `apartments.*` channels raise no events (online changes come as `app.onlineChanged`). */
export const apartmentsEvents = {} as const;
