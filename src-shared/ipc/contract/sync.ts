import { RunProgressSchema, RunRecordSchema } from '../../domain/run';

/** Event schemas of the `sync.*` events (progress bars and run completion). */
export const syncEvents = {
  'sync.progressed': RunProgressSchema,
  'sync.finished': RunRecordSchema,
} as const;

/** Call schemas of the `sync.*` channels. */
export const syncCalls = {} as const;
