import type { Logger } from '../logging/logger';
import { keychainHint } from '../secrets/keychain-errors';
import type { StartupNotices } from './startup-notices';

/** How soon SiteSync first tries a locked keychain again by itself; each further try waits twice as long. */
export const KEYCHAIN_RETRY_MS = 30_000;
/** The longest wait between tries (a keychain that prompts to unlock must not prompt every few seconds all day). */
export const KEYCHAIN_RETRY_MAX_MS = 5 * 60_000;

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
  maxRetryMs?: number;
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
 * OS, and tries again by itself (after {@link KEYCHAIN_RETRY_MS}, then twice as long each time up
 * to {@link KEYCHAIN_RETRY_MAX_MS}) and whenever the user asks. Once the keychain answers, the
 * notice goes away by itself.
 */
export async function watchKeychain(deps: KeychainWatchDeps): Promise<KeychainWatch> {
  const retryMs = deps.retryMs ?? KEYCHAIN_RETRY_MS;
  const maxRetryMs = deps.maxRetryMs ?? KEYCHAIN_RETRY_MAX_MS;
  let nextWait = retryMs;
  let unlocked = false;
  let cancel: (() => void) | null = null;
  let stopped = false;
  const arm = () => {
    if (stopped || unlocked) return;
    const wait = nextWait;
    nextWait = Math.min(maxRetryMs, nextWait * 2);
    cancel = deps.after(wait, () => void check());
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
        deps.notices.add(lockedNotice(deps.platform));
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

function lockedNotice(platform: string) {
  return {
    kind: 'keychain-locked' as const,
    title: 'The system keychain is locked',
    message: 'SiteSync cannot reach the system keychain, so syncing, connection tests and PINs wait. Everything synced before stays browsable.',
    nextStep: `${keychainHint(platform as NodeJS.Platform)} SiteSync keeps trying by itself, or press “Try again”.`,
    keptFile: null,
    dismissible: false,
  };
}
