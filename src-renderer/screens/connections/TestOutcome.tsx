import type { ConnectionFailure, ConnectionTestResult } from '../../../src-shared/ipc/contract/connections';
import { failureCause } from './labels';

/** A failed sign-in: the cause as a headline, what the service said, and the next step. */
export function FailureBanner({ failure }: { failure: ConnectionFailure }) {
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">{failureCause(failure.code)}</p>
      <p className="cn-line">{failure.message}</p>
      <p className="cn-line">
        <strong>Next step:</strong> {failure.nextStep}
      </p>
    </div>
  );
}

/** The result of testing a saved connection: the locations (or account) it sees, or why it failed. */
export function TestOutcome({ result }: { result: ConnectionTestResult }) {
  if (!result.ok) return <FailureBanner failure={result.failure} />;
  return (
    <div className="banner cn-ok" role="status">
      <p className="banner-title">Signed in</p>
      {result.accountName ? <p className="cn-line">SmartPlus account: {result.accountName}</p> : null}
      {result.locations.length > 0 ? (
        <p className="cn-line">
          Locations: {result.locations.map((l) => `${l.name} (${l.id})${l.isMain ? ', main' : ''}`).join('; ')}
        </p>
      ) : null}
    </div>
  );
}
