/**
 * A tiny typed event emitter (no Node `events`, no electron): `Events` maps each event name to
 * its payload. Listeners run synchronously in subscription order; one that throws does not
 * stop the others.
 */
export class TypedEmitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  /** Subscribes to `event`; returns the function that unsubscribes. */
  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => void set.delete(listener as (payload: never) => void);
  }

  /** Calls every listener of `event` with `payload`; returns the errors listeners threw. */
  emit<K extends keyof Events>(event: K, payload: Events[K]): unknown[] {
    const errors: unknown[] = [];
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (payload: Events[K]) => void)(payload);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }

  /** How many listeners `event` has (tests, leak checks). */
  listenerCount(event: keyof Events): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
