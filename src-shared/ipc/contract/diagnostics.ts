import { z } from 'zod';

/** What "Save diagnostics" answers: where the report went, or that the person cancelled the folder dialog. */
export const DiagnosticsSavedSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), folder: z.string(), files: z.array(z.string()) }),
  z.object({ saved: z.literal(false) }),
]);
/** See {@link DiagnosticsSavedSchema}. */
export type DiagnosticsSaved = z.infer<typeof DiagnosticsSavedSchema>;

/** Call schemas of the `diagnostics.*` channels (issue 13: a redacted report for support). */
export const diagnosticsCalls = {
  /** Main asks for a folder and saves the report there; `runId`: the failed run it is about (default: the latest run). */
  'diagnostics.saveReport': { input: z.object({ runId: z.string().min(1).max(200).optional() }), output: DiagnosticsSavedSchema },
  /** Shows a folder `diagnostics.saveReport` saved in the file manager (any other path is refused). */
  'diagnostics.showFolder': { input: z.object({ folder: z.string().min(1).max(4096) }), output: z.undefined() },
} as const;
