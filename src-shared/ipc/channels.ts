/**
 * IPC channel names — the only module the preload imports (it is bundled alone into a
 * sandboxed renderer). Calls are `domain.verbNoun`; events are past tense. Every name here has
 * zod schemas in contract.ts (a test proves the two lists match).
 */
export const INVOKE_CHANNELS = [
  'app.getInfo',
  'app.setTheme',
  'app.log',
  'app.ping',
] as const;

/** Events main sends to the renderer. */
export const EVENT_CHANNELS = ['app.onlineChanged', 'app.navigated', 'app.pinged', 'sync.progressed', 'sync.finished'] as const;

/** A call channel name. */
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
/** An event channel name. */
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/** True when `name` is a known call channel (the preload's allowlist check). */
export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(name);
}

/** True when `name` is a known event channel. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && (EVENT_CHANNELS as readonly string[]).includes(name);
}
