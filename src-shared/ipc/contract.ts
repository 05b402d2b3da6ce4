import { z } from 'zod';
import { AppErrorShapeSchema } from '../errors';
import type { EventChannel, InvokeChannel } from './channels';
import { appCalls, appEvents } from './contract/app';
import { settingsCalls } from './contract/settings';
import { backgroundCalls } from './contract/background';
import { sitesCalls } from './contract/sites';
import { billingCalls, billingEvents } from './contract/billing';
import { connectionsCalls, connectionsEvents } from './contract/connections';
import { apartmentsCalls, apartmentsEvents } from './contract/apartments';
import { devicesCalls, devicesEvents } from './contract/devices';
import { syncCalls, syncEvents } from './contract/sync';
import { overviewCalls, overviewEvents } from './contract/overview';
import { runsCalls, runsEvents } from './contract/runs';
import { diagnosticsCalls } from './contract/diagnostics';
import { historyCalls } from './contract/history';

/** Input and output schema of one call channel. */
export interface CallSchema {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/**
 * Every call channel's schemas. `satisfies` makes a channel named in channels.ts without
 * schemas (or schemas for an unnamed channel) a compile error.
 */
export const CALLS = {
  ...appCalls,
  ...sitesCalls,
  ...settingsCalls,
  ...backgroundCalls,
  ...connectionsCalls,
  ...billingCalls,
  ...apartmentsCalls,
  ...devicesCalls,
  ...syncCalls,
  ...overviewCalls,
  ...runsCalls,
  ...diagnosticsCalls,
  ...historyCalls,
} satisfies Record<InvokeChannel, CallSchema>;

/** Every event's payload schema. */
export const EVENTS = {
  ...appEvents,
  ...connectionsEvents,
  ...billingEvents,
  ...apartmentsEvents,
  ...devicesEvents,
  ...syncEvents,
  ...overviewEvents,
  ...runsEvents,
} satisfies Record<EventChannel, z.ZodType>;

/** What a caller passes to channel C. */
export type CallInput<C extends InvokeChannel> = z.input<(typeof CALLS)[C]['input']>;
/** What a handler of channel C receives (after parsing and defaults). */
export type ParsedInput<C extends InvokeChannel> = z.output<(typeof CALLS)[C]['input']>;
/** What channel C returns. */
export type CallOutput<C extends InvokeChannel> = z.output<(typeof CALLS)[C]['output']>;
/** The payload of event E. */
export type EventPayload<E extends EventChannel> = z.output<(typeof EVENTS)[E]>;

/** The result envelope every call returns: a thrown error loses all but its message on the way, this does not. */
export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorShapeSchema }),
]);
/** See {@link EnvelopeSchema}. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: z.infer<typeof AppErrorShapeSchema> };
