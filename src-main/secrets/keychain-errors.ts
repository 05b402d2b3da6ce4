import { AppError } from '../../src-shared/errors';

/** What to do when no keychain answers, per platform, in words an installer can act on. */
export function keychainHint(platform: NodeJS.Platform = process.platform): string {
  switch (platform) {
    case 'linux':
      return (
        'SiteSync keeps passwords only in the system keychain, never in a file. Install and start a ' +
        'Secret Service (for example `sudo apt install gnome-keyring`, then sign in to a desktop session ' +
        'or run `gnome-keyring-daemon --unlock --components=secrets`), and make sure its keyring is unlocked.'
      );
    case 'darwin':
      return 'SiteSync keeps passwords only in the macOS Keychain. Unlock the login keychain in Keychain Access and try again.';
    case 'win32':
      return 'SiteSync keeps passwords only in Windows Credential Manager. Make sure the Credential Manager service is running.';
    default:
      return 'SiteSync keeps passwords only in the system keychain, and none is reachable on this system.';
  }
}

/** Wraps a keychain failure in a KEYCHAIN_UNAVAILABLE error that says what to install or start. */
export function keychainUnavailable(cause: unknown): AppError {
  return new AppError('KEYCHAIN_UNAVAILABLE', `The system keychain is not available. ${keychainHint()}`, {
    retryable: true,
    cause,
  });
}
