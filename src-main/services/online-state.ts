import { type ErrorCode, isAppError } from '../../src-shared/errors';
import { TypedEmitter } from './typed-emitter';

// Errors that only a server's answer produces: proof that the network works. Timeouts
// (*_UNAVAILABLE), cancellations and local failures say nothing either way.
const ANSWERED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'SUBSCRIPTION_REQUIRED',
  'RM_UNAUTHORIZED',
  'RM_TOO_MANY_SESSIONS',
  'RM_FORBIDDEN',
  'RM_NOT_FOUND',
  'RM_BAD_FILTER',
  'RM_RATE_LIMITED',
  'RM_BAD_RESPONSE',
  'SP_UNAUTHORIZED',
  'SP_FORBIDDEN',
  'SP_NOT_FOUND',
  'SP_VALIDATION_FAILED',
  'SP_CONFLICT',
  'SP_MAC_NOT_REGISTERED',
  'SP_SUBSCRIPTION_REQUIRED',
  'SP_LIMIT_EXCEEDED',
  'SP_RATE_LIMITED',
  'SP_BAD_RESPONSE',
  'CARD_INVALID',
  'CARD_DECLINED',
]);

/** Where the latest evidence about the network came from. */
export type OnlineSource = 'os' | 'request' | 'initial';

/** A change of online state, as `app.onlineChanged` carries it. */
export interface OnlineChange {
  readonly online: boolean;
  readonly source: OnlineSource;
  readonly at: Date;
}

/**
 * Whether the app is online (spec §9, issue 6). Fed by the OS (Electron's `net.isOnline` and
 * online/offline events, wired in src-main/app) and by requests: a request failing with
 * OFFLINE is proof of being offline, any answered request proof of being online. The latest
 * evidence wins, and a request's evidence dates from when it began; listeners hear only real changes.
 */
export class OnlineState {
  private state: OnlineChange;
  // Counts the OS's changes: a request's outcome is evidence only if the OS said nothing new since it
  // began. Between requests the latest arrival wins (one failing server must not outvote the next answer).
  private osChanges = 0;
  private readonly events = new TypedEmitter<{ changed: OnlineChange }>();

  constructor(
    initial = true,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.state = { online: initial, source: 'initial', at: now() };
  }

  /** True when the app believes it is online. */
  get online(): boolean {
    return this.state.online;
  }

  /** The current state with its source and since when. */
  get current(): OnlineChange {
    return this.state;
  }

  /** The OS reported a change (or the current state, at start). */
  reportOs(online: boolean): void {
    this.set(online, 'os');
  }

  /** A request got an answer from a server (any HTTP status): the network works. */
  reportRequestSucceeded(): void {
    this.set(true, 'request');
  }

  /** A request failed: only an OFFLINE error says something about the network. */
  reportRequestFailed(error: unknown): void {
    if (isAppError(error) && error.code === 'OFFLINE') this.set(false, 'request');
  }

  /**
   * Runs `call` and reports its outcome: an answer, or an error only a server's answer produces
   * (401, 404, 409, 429, …), counts as online; an OFFLINE error as offline; anything else as neither.
   */
  async track<T>(call: () => Promise<T>): Promise<T> {
    // An answer that was on its way when the OS said "offline" (or a failure from before it said
    // "online") is older than that news: it must not turn the state back.
    const began = this.osChanges;
    const current = () => this.osChanges === began;
    try {
      const value = await call();
      if (current()) this.reportRequestSucceeded();
      return value;
    } catch (error) {
      if (current() && isAppError(error) && error.code === 'OFFLINE') this.reportRequestFailed(error);
      else if (current() && isAppError(error) && ANSWERED.has(error.code)) this.reportRequestSucceeded();
      throw error;
    }
  }

  /** Subscribes to changes; returns the function that unsubscribes. */
  onChange(listener: (change: OnlineChange) => void): () => void {
    return this.events.on('changed', listener);
  }

  private set(online: boolean, source: OnlineSource): void {
    if (online === this.state.online) return;
    this.state = { online, source, at: this.now() };
    if (source === 'os') this.osChanges += 1;
    this.events.emit('changed', this.state);
  }
}
