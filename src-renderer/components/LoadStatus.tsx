import type { ReactNode } from 'react';

/** A quiet "Loading …" line, announced to screen readers, shown while a list is fetched. */
export function LoadingLine({ children }: { children: ReactNode }) {
  return (
    <p className="muted" role="status">
      {children}
    </p>
  );
}

/** A list that could not be loaded: what went wrong, the next step, and "Try again". */
export function LoadFailure({ error, nextStep, onRetry }: { error: string; nextStep: string | null; onRetry: () => void }) {
  return (
    <div className="banner banner-error" role="alert">
      {error} {nextStep}{' '}
      <button type="button" className="btn" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
