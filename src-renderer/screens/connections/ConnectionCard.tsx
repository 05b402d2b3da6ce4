import { useEffect, useRef } from 'react';
import type { ConnectionListItem } from '../../../src-shared/ipc/contract/connections';
import { formatDateTime } from '../../components/format';
import { AccountCommunities } from './AccountCommunities';
import { useStores } from '../../stores/stores-context';
import { STATUS_LABELS } from './labels';
import { TestOutcome } from './TestOutcome';
import { useConnections } from './use-connections';

function details(c: ConnectionListItem): string {
  const who = c.authKind === 'partner-token' ? 'partner token' : `user ${c.username ?? ''}`;
  if (c.kind === 'smartplus') return `${c.username ?? ''} · ${c.baseUrl}`;
  return `Company code ${c.companyCode ?? ''} · location ${c.locationId ?? '?'} · ${who}`;
}

/** Asks before removing, naming the sites that read from the connection. */
function RemoveConfirm({ connection }: { connection: ConnectionListItem }) {
  const { connections } = useStores();
  const problem = useConnections((s) => s.removeProblem);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  const sites = connection.siteCount === 1 ? '1 site reads' : `${connection.siteCount} sites read`;
  return (
    <div className="banner banner-warn cn-confirm" role="group" aria-label={`Remove ${connection.label}?`}>
      <p className="banner-title">Remove {connection.label}?</p>
      <p className="cn-line">
        {connection.siteCount > 0 ? `${sites} from it and will stop syncing until you connect them again. ` : ''}
        The saved password is deleted from this computer's keychain. Nothing changes in Rent Manager or SmartPlus.
      </p>
      {problem ? (
        <p className="cn-line" role="alert">
          {problem.text} {problem.nextStep}
        </p>
      ) : null}
      <div className="row">
        <button type="button" className="btn btn-danger" onClick={() => void connections.getState().remove(connection.id)}>
          Remove
        </button>
        <button ref={keep} type="button" className="btn" onClick={() => connections.getState().askRemove(null)}>
          Keep it
        </button>
      </div>
    </div>
  );
}

/** One connection: what it signs in to, its status, and Test / Edit / Remove (the sandbox's can only be tested). */
export function ConnectionCard({ connection }: { connection: ConnectionListItem }) {
  const { connections } = useStores();
  const test = useConnections((s) => s.tests[connection.id]);
  const confirming = useConnections((s) => s.confirmRemove === connection.id);
  const status = STATUS_LABELS[connection.status];
  const titleId = `cn-title-${connection.id}`;
  return (
    <li className="card cn-card" aria-labelledby={titleId}>
      <div className="cn-card-head">
        <div>
          <h3 id={titleId} className="cn-title">
            {connection.label} {connection.isSandbox ? <span className="pill pill-sandbox">Sandbox</span> : null}
          </h3>
          <p className="muted cn-line">{details(connection)}</p>
          <p className="cn-line">
            <span className={`pill ${status.pill}`}>{status.text}</span>{' '}
            <span className="muted">{connection.siteCount === 1 ? '1 site' : `${connection.siteCount} sites`}</span>
            <span className="muted"> · changed {formatDateTime(connection.updatedAt)}</span>
          </p>
        </div>
        <div className="row cn-actions">
          <button type="button" className="btn" disabled={test?.state === 'testing'} onClick={() => void connections.getState().test(connection.id)} aria-label={`Test ${connection.label}`}>
            {test?.state === 'testing' ? 'Testing…' : 'Test'}
          </button>
          {connection.isSandbox ? null : (
            <>
              <button type="button" className="btn" onClick={() => connections.getState().openEdit(connection.id)} aria-label={`Edit ${connection.label}`}>
                Edit
              </button>
              <button type="button" className="btn btn-danger" onClick={() => connections.getState().askRemove(connection.id)} aria-label={`Remove ${connection.label}`}>
                Remove
              </button>
            </>
          )}
        </div>
      </div>
      {connection.isSandbox ? <p className="muted cn-line">Built-in practice data on this computer. Settings → Reset sandbox restores it.</p> : null}
      {test?.state === 'testing' ? (
        <p className="cn-line" role="status">
          Signing in…
        </p>
      ) : null}
      {test?.state === 'done' ? <TestOutcome result={test.result} /> : null}
      {connection.kind === 'smartplus' ? <AccountCommunities account={connection} /> : null}
      {confirming ? <RemoveConfirm connection={connection} /> : null}
    </li>
  );
}
