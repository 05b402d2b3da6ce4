import type { StartupNotice } from '../../src-shared/ipc/contract/app';
import { TypedEmitter } from './typed-emitter';

/** A notice as a producer gives it (the list fills in `id` and `at`). */
export type StartupNoticeInput = Omit<StartupNotice, 'id' | 'at'>;

/**
 * What went wrong at start and was recovered from (a damaged file kept aside, a locked
 * keychain), held in main so every window — and a reloaded one — shows the same banners.
 * One notice per kind: a second of the same kind replaces the first.
 */
export class StartupNotices {
  private notices: StartupNotice[] = [];
  private readonly events = new TypedEmitter<{ change: StartupNotice[] }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The notices, oldest first. */
  list(): StartupNotice[] {
    return [...this.notices];
  }

  /** Whether a notice of `kind` is showing. */
  has(kind: StartupNotice['kind']): boolean {
    return this.notices.some((n) => n.kind === kind);
  }

  /** Adds (or replaces) the notice of `notice.kind`. */
  add(notice: StartupNoticeInput): StartupNotice {
    const full: StartupNotice = { ...notice, id: `${notice.kind}-${this.now().getTime()}`, at: this.now().toISOString() };
    this.notices = [...this.notices.filter((n) => n.kind !== notice.kind), full];
    this.events.emit('change', this.list());
    return full;
  }

  /** Removes the notice of `kind` (the state it described is over); true when one was there. */
  clear(kind: StartupNotice['kind']): boolean {
    if (!this.has(kind)) return false;
    this.notices = this.notices.filter((n) => n.kind !== kind);
    this.events.emit('change', this.list());
    return true;
  }

  /** Closes a dismissible notice; a notice that is a live state (the locked keychain) stays. */
  dismiss(id: string): boolean {
    const target = this.notices.find((n) => n.id === id);
    if (!target?.dismissible) return false;
    this.notices = this.notices.filter((n) => n.id !== id);
    this.events.emit('change', this.list());
    return true;
  }

  /** Calls `listener` with the new list after every change; returns the unsubscribe function. */
  onChange(listener: (notices: StartupNotice[]) => void): () => void {
    return this.events.on('change', listener);
  }
}
