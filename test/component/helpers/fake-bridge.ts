import type { EventChannel, InvokeChannel } from '../../../src-shared/ipc/channels';
import type { CallOutput, EventPayload, ParsedInput } from '../../../src-shared/ipc/contract';
import type { AppErrorShape } from '../../../src-shared/errors';
import { type Bridge, BridgeError } from '../../../src-renderer/bridge';

type Responder<C extends InvokeChannel> = (input: ParsedInput<C>) => CallOutput<C> | Promise<CallOutput<C>>;

/**
 * An in-memory bridge for store and component tests: answers calls from per-channel responders,
 * records every call, and lets a test emit events. A channel without a responder fails loudly.
 */
export function createFakeBridge() {
  const responders = new Map<string, (input: unknown) => unknown>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Array<{ channel: string; input: unknown }> = [];
  const bridge: Bridge = {
    async call(channel, ...input) {
      calls.push({ channel, input: input[0] });
      const responder = responders.get(channel);
      if (!responder) throw new Error(`fake bridge: no responder for ${channel}`);
      return (await responder(input[0])) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  return {
    bridge,
    calls,
    respond<C extends InvokeChannel>(channel: C, responder: Responder<C>) {
      responders.set(channel, responder as (input: unknown) => unknown);
    },
    fail(channel: InvokeChannel, error: AppErrorShape) {
      responders.set(channel, () => {
        throw new BridgeError(error);
      });
    },
    emit<E extends EventChannel>(event: E, payload: EventPayload<E>) {
      for (const fn of listeners.get(event) ?? []) fn(payload);
    },
  };
}
