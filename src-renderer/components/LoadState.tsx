import type { ReactNode } from 'react';
import type { Loadable } from '../lib/loadable';

/** Renders a {@link Loadable}: a polite loading line, an error with its next step and a retry, or the data. */
export function LoadState<T>({
  value,
  loading,
  onRetry,
  children,
}: {
  value: Loadable<T>;
  loading: string;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (value.status === 'ready') return <>{children(value.data)}</>;
  if (value.status === 'error') {
    return (
      <div className="banner banner-error" role="alert">
        <p className="gs-tight">{value.error}</p>
        {value.nextStep ? <p className="gs-tight">{value.nextStep}</p> : null}
        {onRetry ? (
          <button type="button" className="btn" onClick={onRetry}>
            Try again
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <p className="muted" role="status">
      {loading}
    </p>
  );
}
