import type { ReactNode } from 'react';
import type { Loadable } from '../lib/loadable';

/**
 * The one way a screen draws a {@link Loadable}: a quiet "Loading …" line announced to screen
 * readers, a failure with its next step and "Try again", or the data (through `children`).
 */
export function LoadStatus<T>({
  value,
  loading,
  onRetry,
  children,
}: {
  value: Loadable<T>;
  /** The loading line, e.g. "Loading sites…". */
  loading: string;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (value.status === 'ready') return <>{children(value.value)}</>;
  if (value.status === 'error') {
    return (
      <div className="banner banner-error" role="alert">
        <p className="gs-tight">{value.error.text}</p>
        {value.error.nextStep ? <p className="gs-tight">{value.error.nextStep}</p> : null}
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
