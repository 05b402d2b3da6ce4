import { z } from 'zod';
import { IdSchema } from './bounds';
import { ProblemKindSchema, ProblemSchema, RunRecordSchema, RunTriggerSchema } from '../../domain/run';
import { ChangeViewSchema } from '../../domain/run-change';
import { OPERATION_KINDS, PlanSummarySchema } from '../../domain/sync-plan';

/** A run in history, with its site's name (runs outlive a removed site: then the name is "Removed site"). */
export const RunListItemSchema = RunRecordSchema.extend({ siteName: z.string() });
/** See {@link RunListItemSchema}. */
export type RunListItem = z.infer<typeof RunListItemSchema>;

/** A problem of a run as the report lists it: with the apartment its unit is in this site's copy, for the link to it (issue 16). */
export const RunProblemSchema = ProblemSchema.extend({
  apartment: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
});
/** See {@link RunProblemSchema}. */
export type RunProblem = z.infer<typeof RunProblemSchema>;

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
  /** How many changes the run recorded (listed page by page with `runs.listChanges`). */
  changeCount: z.number().int(),
  /** The run this one undid (trigger `undo`), and the runs that undid this one (issue 15). */
  undoOf: z.string().nullable(),
  undoneBy: z.array(z.string()),
  /** The site's schedule is paused (after an undo) until the installer resumes it. */
  schedulePaused: z.boolean(),
  /** The held-back list is changes waiting for approval (the site asks before applying), not the mass guard's. */
  heldBackApproval: z.boolean().optional(),
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

export { ChangeViewSchema, type ChangeView } from '../../domain/run-change';

/** A change found by the cross-run search, with its site and what started its run. */
export const FoundChangeSchema = ChangeViewSchema.extend({ siteName: z.string(), trigger: RunTriggerSchema });
/** See {@link FoundChangeSchema}. */
export type FoundChange = z.infer<typeof FoundChangeSchema>;

/** How many changes a page or a search returns at most. */
export const CHANGE_PAGE_LIMIT = 500;

/** A search over every run's changes (issue 15: "who lost access last night"). */
export const ChangeSearchSchema = z.object({
  /** Person, unit, property, e-mail, phone, RF card, "tenant 920"; empty for any. */
  text: z.string().trim().max(100).default(''),
  siteId: IdSchema.optional(),
  /** ISO instants: from (inclusive) and to (exclusive). */
  from: z.iso.datetime({ offset: true }).max(40).optional(),
  to: z.iso.datetime({ offset: true }).max(40).optional(),
  /** Only changes that took access away: account deleted, PIN or RF card removed. */
  accessRemoved: z.boolean().default(false),
  limit: z.number().int().min(1).max(CHANGE_PAGE_LIMIT).default(200),
}).refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'The end of the period must come after its start.', path: ['to'] });
/** See {@link ChangeSearchSchema}. */
export type ChangeSearchInput = z.input<typeof ChangeSearchSchema>;

/** One planned step of an undo, in words (PINs never included). */
export const UndoStepSchema = z.object({ id: z.string(), kind: z.enum(OPERATION_KINDS), target: z.string(), detail: z.string() });
/** See {@link UndoStepSchema}. */
export type UndoStep = z.infer<typeof UndoStepSchema>;

/** What undoing a run would do, planned against SmartPlus as it is now (issue 15). */
export const UndoPreviewSchema = z.object({
  runId: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  steps: z.array(UndoStepSchema),
  /** Changes left as they are, each with why ("changed since; not undone", "value now held by …"). */
  notUndone: z.array(ProblemSchema),
  /** Steps the mass guard holds back (applied only with `allowMassChange`), and why. */
  heldBack: z.array(UndoStepSchema),
  heldBackReason: z.string().nullable(),
});
/** See {@link UndoPreviewSchema}. */
export type UndoPreview = z.infer<typeof UndoPreviewSchema>;

const RunId = z.object({ runId: IdSchema });

/** Call schemas of the `runs.*` channels: history, a run's problems, held-back deletions, CSV export and previews (spec §11). */
export const runsCalls = {
  'runs.list': {
    input: z.object({ siteId: IdSchema.optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({ runs: z.array(RunListItemSchema) }),
  },
  'runs.get': { input: RunId, output: RunDetailSchema },
  'runs.listProblems': {
    input: RunId.extend({ kind: ProblemKindSchema.optional() }),
    output: z.object({ problems: z.array(RunProblemSchema) }),
  },
  'runs.exportCsv': { input: RunId, output: CsvExportSchema },
  'runs.confirmHeldBack': { input: RunId, output: RunRecordSchema },
  'runs.keepHeldBack': { input: RunId, output: z.object({ kept: z.number().int() }) },
  'runs.preview': { input: z.object({ siteId: IdSchema }), output: SitePreviewSchema },
  'runs.listChanges': {
    input: RunId.extend({ offset: z.number().int().min(0).max(1_000_000).default(0), limit: z.number().int().min(1).max(CHANGE_PAGE_LIMIT).default(200) }),
    output: z.object({ changes: z.array(ChangeViewSchema), total: z.number().int() }),
  },
  'runs.searchChanges': { input: ChangeSearchSchema, output: z.object({ changes: z.array(FoundChangeSchema), more: z.boolean() }) },
  'runs.revealChangePin': {
    input: RunId.extend({ seq: z.number().int().min(1), which: z.enum(['before', 'after']) }),
    output: z.object({ pin: z.string().nullable() }),
  },
  'runs.previewUndo': { input: RunId.extend({ allowMassChange: z.boolean().default(false) }), output: UndoPreviewSchema },
  'runs.undo': {
    input: RunId.extend({ pauseSchedule: z.boolean().default(true), allowMassChange: z.boolean().default(false) }),
    output: RunRecordSchema,
  },
  'runs.resumeSchedule': { input: z.object({ siteId: IdSchema }), output: z.object({ paused: z.boolean() }) },
} as const;

/** The `runs.*` channels raise no events (runs end as `sync.finished`). */
export const runsEvents = {} as const;
