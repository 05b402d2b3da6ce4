import { EVENTS, type EventPayload } from '../../src-shared/ipc/contract';
import type { EventChannel } from '../../src-shared/ipc/channels';

/** A listener of every event (a transport: Electron windows, the test bridge's SSE stream). */
export type EventSink = (event: EventChannel, payload: unknown) => void;

/** Typed, validated fan-out of main → renderer events. Transport-free: sinks subscribe. */
export class EventBus {
  private readonly sinks = new Set<EventSink>();

  /** Validates `payload` against the contract and hands it to every sink. Throws on a contract breach (a bug). */
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    const checked = EVENTS[event].parse(payload);
    for (const sink of this.sinks) sink(event, checked);
  }

  /** Listens to one event with its payload typed by the contract; returns the function that stops listening. */
  on<E extends EventChannel>(event: E, fn: (payload: EventPayload<E>) => void): () => void {
    return this.subscribe((name, payload) => {
      if (name === event) fn(payload as EventPayload<E>);
    });
  }

  /** Adds a sink; returns the function that removes it. */
  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }
}
