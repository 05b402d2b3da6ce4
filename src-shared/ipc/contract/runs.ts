import { z } from 'zod';
import { IdSchema } from './bounds';
import { ProblemKindSchema, ProblemSchema, RunRecordSchema } from '../../domain/run';
import { OPERATION_KINDS, PlanSummarySchema } from '../../domain/sync-plan';

/** A run in history, with its site's name (runs outlive a removed site: then the name is "Removed site"). */
export const RunListItemSchema = RunRecordSchema.extend({ siteName: z.string() });
/** See {@link RunListItemSchema}. */
export type RunListItem = z.infer<typeof RunListItemSchema>;

/** One deletion the mass-deletion guard held back, as the run detail lists it (no credentials in it). */
export const HeldBackItemSchema = z.object({
  id: z.string(),
  person: z.string().nullable(),
  unit: z.string().nullable(),
  property: z.string(),
  /** Why the account would be deleted ("Move-Out Date 2026-11-26 passed"). */
  reason: z.string(),
});
/** See {@link HeldBackItemSchema}. */
export type HeldBackItem = z.infer<typeof HeldBackItemSchema>;

/** A run's detail: the record, how many problems of each kind, and the deletions awaiting a decision. */
export const RunDetailSchema = z.object({
  run: RunListItemSchema,
  problemCounts: z.partialRecord(ProblemKindSchema, z.number().int()),
  heldBack: z.array(HeldBackItemSchema),
  /** Why the guard held them back, once for all ("would delete 12 of 40 accounts (30%)"). */
  heldBackReason: z.string().nullable(),
});
/** See {@link RunDetailSchema}. */
export type RunDetail = z.infer<typeof RunDetailSchema>;

/** Where a run's CSV report was saved (main writes it: the renderer's CSP allows no blob: downloads). */
export const CsvExportSchema = z.object({ fileName: z.string(), path: z.string(), rows: z.number().int() });
/** See {@link CsvExportSchema}. */
export type CsvExport = z.infer<typeof CsvExportSchema>;

/** One planned operation of a preview, in words (PINs never included). */
export const PreviewOperationSchema = z.object({ id: z.string(), kind: z.enum(OPERATION_KINDS), target: z.string(), detail: z.string() });
/** See {@link PreviewOperationSchema}. */
export type PreviewOperation = z.infer<typeof PreviewOperationSchema>;

/** The dry-run plan of one site (spec §6, §11): what it would create, update and delete, its problems, and the billing impact. */
export const SitePreviewSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  today: z.string(),
  summary: PlanSummarySchema,
  /** The first operations (at most {@link PREVIEW_OPERATION_LIMIT}); `summary` counts them all. */
  operations: z.array(PreviewOperationSchema),
  problems: z.array(ProblemSchema),
});
/** See {@link SitePreviewSchema}. */
export type SitePreview = z.infer<typeof SitePreviewSchema>;

/** How many operations a preview lists one by one. */
export const PREVIEW_OPERATION_LIMIT = 500;

const RunId = z.object({ runId: IdSchema });

/** Call schemas of the `runs.*` channels: history, a run's problems, held-back deletions, CSV export and previews (spec §11). */
export const runsCalls = {
  'runs.list': {
    input: z.object({ siteId: IdSchema.optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({ runs: z.array(RunListItemSchema) }),
  },
  'runs.get': { input: RunId, output: RunDetailSchema },
  'runs.problems': {
    input: RunId.extend({ kind: ProblemKindSchema.optional() }),
    output: z.object({ problems: z.array(ProblemSchema) }),
  },
  'runs.exportCsv': { input: RunId, output: CsvExportSchema },
  'runs.confirmHeldBack': { input: RunId, output: RunRecordSchema },
  'runs.keepHeldBack': { input: RunId, output: z.object({ kept: z.number().int() }) },
  'runs.preview': { input: z.object({ siteId: IdSchema }), output: SitePreviewSchema },
} as const;

/** The `runs.*` channels raise no events (runs end as `sync.finished`). */
export const runsEvents = {} as const;
