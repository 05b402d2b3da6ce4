import type { StartupNotice } from '../../src-shared/ipc/contract/app';
import { useApp } from '../stores/stores-context';

/** One start-up notice: what happened, where the damaged file was kept, the next step, and its button. */
function NoticeBanner({ notice }: { notice: StartupNotice }) {
  const dismissNotice = useApp((s) => s.dismissNotice);
  const retryKeychain = useApp((s) => s.retryKeychain);
  const retry = useApp((s) => s.keychainRetry);
  const titleId = `startup-notice-${notice.id}`;
  const locked = notice.kind === 'keychain-locked';
  return (
    <section className={`banner ${locked ? 'banner-warn' : 'banner-info'} startup-notice`} aria-labelledby={titleId}>
      <div className="startup-notice-text">
        <h2 id={titleId} className="banner-title">
          {notice.title}
        </h2>
        <p>{notice.message}</p>
        {notice.keptFile ? (
          <p>
            Kept as <span className="mono startup-notice-file">{notice.keptFile}</span>
          </p>
        ) : null}
        <p>
          <strong>Next step:</strong> {notice.nextStep}
        </p>
        {locked && retry === 'still-locked' ? <p role="status">Still locked. SiteSync keeps trying by itself.</p> : null}
      </div>
      <div className="startup-notice-actions">
        {locked ? (
          <button type="button" className="btn btn-small" disabled={retry === 'trying'} onClick={() => void retryKeychain()}>
            {retry === 'trying' ? 'Trying…' : 'Try again'}
          </button>
        ) : null}
        {notice.dismissible ? (
          <button type="button" className="btn btn-small" aria-label={`Dismiss: ${notice.title}`} onClick={() => void dismissNotice(notice.id)}>
            Dismiss
          </button>
        ) : null}
      </div>
    </section>
  );
}

/**
 * The banners for what start-up recovered from (issue 12): a damaged database or preferences
 * file kept aside and replaced, or a locked keychain with how to unlock it and "Try again".
 * Shown above every screen until dismissed (or, for the keychain, until it unlocks).
 */
export function StartupNotices() {
  const notices = useApp((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="startup-notices" role="region" aria-label="Start-up notices">
      {notices.map((n) => (
        <NoticeBanner key={n.id} notice={n} />
      ))}
    </div>
  );
}
