import type { EventChannel, InvokeChannel } from '../src-shared/ipc/channels';
import type { CallInput, CallOutput, Envelope, EventPayload } from '../src-shared/ipc/contract';
import type { AppErrorShape } from '../src-shared/errors';

/** What the preload (or the test bridge) puts on `window.bridge`: two functions, nothing else. */
export interface RawBridge {
  invoke(channel: string, input: unknown): Promise<Envelope>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** An error answer from main, with its code (the UI maps codes to sentences). */
export class BridgeError extends Error {
  readonly code: AppErrorShape['code'];
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'BridgeError';
    this.code = shape.code;
    this.retryable = shape.retryable;
    this.details = shape.details;
  }
}

/** The typed bridge the stores use: `call` resolves with the value or throws a {@link BridgeError}. */
export interface Bridge {
  call<C extends InvokeChannel>(channel: C, ...input: CallInput<C> extends undefined ? [] : [CallInput<C>]): Promise<CallOutput<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wraps a raw bridge in the typed one. */
export function createBridge(raw: RawBridge): Bridge {
  return {
    async call(channel, ...input) {
      const envelope = await raw.invoke(channel, input[0]);
      if (!envelope.ok) throw new BridgeError(envelope.error);
      return envelope.value as never;
    },
    on(event, listener) {
      return raw.on(event, listener as (payload: unknown) => void);
    },
  };
}

/** The bridge of this window: the only place that reads `window.bridge`. */
export function windowBridge(): Bridge {
  const raw = (window as unknown as { bridge?: RawBridge }).bridge;
  if (!raw) throw new Error('SiteSync must be opened by its desktop app (window.bridge is missing).');
  return createBridge(raw);
}
