import { z } from 'zod';

/** How far back the run history goes (issue 15: runs older than the kept days are pruned at start). */
export const HistoryRangeSchema = z.object({
  keepDays: z.number().int(),
  /** When the oldest kept run started (ISO); null with no runs. */
  oldestRunAt: z.string().nullable(),
});
/** See {@link HistoryRangeSchema}. */
export type HistoryRange = z.infer<typeof HistoryRangeSchema>;

/** Call schemas of the `history.*` channels. */
export const historyCalls = {
  'history.getRange': { input: z.undefined(), output: HistoryRangeSchema },
} as const;
