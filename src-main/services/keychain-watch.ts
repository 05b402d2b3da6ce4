import type { Logger } from '../logging/logger';
import { keychainHint } from '../secrets/keychain-errors';
import type { StartupNotices } from './startup-notices';

/** How often SiteSync tries a locked keychain again by itself. */
export const KEYCHAIN_RETRY_MS = 30_000;

/** What {@link watchKeychain} needs. */
export interface KeychainWatchDeps {
  /** Tries the keychain (loads the database's PIN key); true once it answers. */
  probe(): Promise<boolean>;
  notices: StartupNotices;
  platform: string;
  log: Logger;
  /** Runs `fn` once after `ms`; returns the function that cancels it (the clock in tests). */
  after(ms: number, fn: () => void): () => void;
  retryMs?: number;
}

/** The keychain state at start and its retries. */
export interface KeychainWatch {
  /** Whether the keychain answered at the last try. */
  readonly unlocked: boolean;
  /** Tries now (the banner's "Try again"); true when it is unlocked. */
  retry(): Promise<boolean>;
  stop(): void;
}

/**
 * A locked or missing keychain does not stop SiteSync: the app opens "keychain locked" —
 * browsing works, syncing and PINs wait — with a notice that says how to unlock it on this
 * OS, and tries again every {@link KEYCHAIN_RETRY_MS} and whenever the user asks. Once the
 * keychain answers, the notice goes away by itself.
 */
export async function watchKeychain(deps: KeychainWatchDeps): Promise<KeychainWatch> {
  const retryMs = deps.retryMs ?? KEYCHAIN_RETRY_MS;
  let unlocked = false;
  let cancel: (() => void) | null = null;
  let stopped = false;
  const arm = () => {
    if (stopped || unlocked) return;
    cancel = deps.after(retryMs, () => void check());
  };
  const check = async (): Promise<boolean> => {
    cancel?.();
    cancel = null;
    let answered = false;
    try {
      answered = await deps.probe();
    } catch (error) {
      deps.log.warn('keychain check failed', { error });
    }
    if (answered && !unlocked) {
      unlocked = true;
      if (deps.notices.clear('keychain-locked')) deps.log.info('keychain unlocked; syncing and PINs work again');
    } else if (!answered) {
      if (!deps.notices.has('keychain-locked')) {
        deps.notices.add(lockedNotice(deps.platform, retryMs));
        deps.log.warn('keychain locked or missing at start; the app opens without it and retries', { retryMs });
      }
      arm();
    }
    return unlocked;
  };
  await check();
  return {
    get unlocked() {
      return unlocked;
    },
    retry: () => (unlocked ? Promise.resolve(true) : check()),
    stop() {
      stopped = true;
      cancel?.();
    },
  };
}

function lockedNotice(platform: string, retryMs: number) {
  return {
    kind: 'keychain-locked' as const,
    title: 'The system keychain is locked',
    message: 'SiteSync cannot reach the system keychain, so syncing, connection tests and PINs wait. Everything synced before stays browsable.',
    nextStep: `${keychainHint(platform as NodeJS.Platform)} SiteSync tries again every ${Math.round(retryMs / 1000)} seconds, or press “Try again”.`,
    keptFile: null,
    dismissible: false,
  };
}
