import { z } from 'zod';

/** Kinds of per-record problem a run reports (spec §4–§6, §11). */
export const PROBLEM_KINDS = [
  'invalid-pin',
  'weak-pin',
  'invalid-rf-card',
  'duplicate-pin',
  'duplicate-rf-card',
  'missing-date',
  'missing-email',
  'over-family-limit',
  'held-back-deletion',
  /** PINs or RF cards a run would remove or change in bulk, held until confirmed (the credential guard, rule 1). */
  'held-back-credentials',
  'unit-not-synced',
  'unit-removed',
  'property-removed',
  'property-read-failed',
  'malformed-row',
  'unreadable-object',
  'numeric-pin-field',
  'operation-failed',
  'adoption-linked',
  'adoption-question',
  'not-undone',
] as const;
/** See {@link PROBLEM_KINDS}. */
export const ProblemKindSchema = z.enum(PROBLEM_KINDS);
/** See {@link PROBLEM_KINDS}. */
export type ProblemKind = z.infer<typeof ProblemKindSchema>;

/**
 * One problem of a run: what, where (Rent Manager IDs), and why, in words for the installer.
 * `value` is display-safe: PINs are masked before they get here.
 */
export const ProblemSchema = z.object({
  kind: ProblemKindSchema,
  severity: z.enum(['error', 'warning', 'info']),
  propertyId: z.number().int().nullable(),
  unitId: z.number().int().nullable(),
  tenantId: z.number().int().nullable(),
  contactId: z.number().int().nullable(),
  /** Who, for people: "Jane Doe (tenant 920)". */
  subject: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});
/** See {@link ProblemSchema}. */
export type Problem = z.infer<typeof ProblemSchema>;

/** What started a run (spec §11): `cli` a person at the command line, `os-schedule` the OS task calling `run-due` (issue 14), `undo` the undo of a run (issue 15). */
export const RunTriggerSchema = z.enum(['scheduled', 'catch-up', 'manual', 'import', 'cli', 'os-schedule', 'undo']);
/** See {@link RunTriggerSchema}. */
export type RunTrigger = z.infer<typeof RunTriggerSchema>;

/** How a run ended. `held-back`: everything applied but deletions await confirmation. */
export const RunOutcomeSchema = z.enum(['running', 'succeeded', 'partial', 'held-back', 'failed', 'cancelled']);
/** See {@link RunOutcomeSchema}. */
export type RunOutcome = z.infer<typeof RunOutcomeSchema>;

/** The counts every run records (spec §11). */
export const RunCountsSchema = z.object({
  communities: z.number().int(),
  apartments: z.number().int(),
  accountsCreated: z.number().int(),
  accountsUpdated: z.number().int(),
  accountsDeleted: z.number().int(),
  credentialsSet: z.number().int(),
  credentialsRemoved: z.number().int(),
  failedOperations: z.number().int(),
});
/** See {@link RunCountsSchema}. */
export type RunCounts = z.infer<typeof RunCountsSchema>;

/** Zero counts, to start from. */
export const EMPTY_COUNTS: RunCounts = {
  communities: 0,
  apartments: 0,
  accountsCreated: 0,
  accountsUpdated: 0,
  accountsDeleted: 0,
  credentialsSet: 0,
  credentialsRemoved: 0,
  failedOperations: 0,
};

/** A run's record as history shows it. */
export const RunRecordSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  trigger: RunTriggerSchema,
  dryRun: z.boolean(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  outcome: RunOutcomeSchema,
  counts: RunCountsSchema,
  /** Problems that need attention (errors and warnings); info notes, e.g. units a Custom site leaves out, are in the report but not counted. */
  problemCount: z.number().int(),
  /** Error-level problems of the run (issue 16): a `succeeded` run with one reads "Synced with problems" (see `runOutcomeView`). Absent ≡ 0. */
  errorCount: z.number().int().optional(),
  heldBackCount: z.number().int(),
  error: z.string().nullable(),
  /** For an undo run (trigger `undo`): the run it undid (issue 15). */
  undoOf: z.string().nullable().optional(),
  /** The site asks before applying: this run planned and waits for approval (its held-back list). */
  awaitingApproval: z.boolean().optional(),
});
/** See {@link RunRecordSchema}. */
export type RunRecord = z.infer<typeof RunRecordSchema>;

/** The steps of a run, in order ("step 3 of 7"); `done` ends the last one. */
export const RUN_STEPS = ['reading', 'planning', 'communities', 'apartments', 'family-members', 'credentials', 'deletions'] as const;

/**
 * A progress event of a running sync, for the progress bar (phase, done of total within the
 * phase, current item) and, from the engine, the overall step, percentage and start time.
 */
export const RunProgressSchema = z.object({
  runId: z.string(),
  siteId: z.string(),
  phase: z.enum([...RUN_STEPS, 'done']),
  done: z.number().int(),
  total: z.number().int(),
  current: z.string().nullable(),
  /** The step reached, 1-based, of `steps` (see {@link RUN_STEPS}). */
  step: z.number().int().min(1).optional(),
  steps: z.number().int().min(1).optional(),
  /** The whole run's progress, 0–100. */
  percent: z.number().min(0).max(100).optional(),
  /** When the run started (ISO), for "1:05 elapsed". */
  startedAt: z.string().optional(),
});
/** See {@link RunProgressSchema}. */
export type RunProgress = z.infer<typeof RunProgressSchema>;
