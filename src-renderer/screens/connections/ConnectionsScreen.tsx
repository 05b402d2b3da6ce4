import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useApp, useStores } from '../../stores/stores-context';
import { ConnectionCard } from './ConnectionCard';
import { RentManagerForm } from './RentManagerForm';
import { SmartPlusForm } from './SmartPlusForm';
import { useConnections } from './use-connections';

/** Moves focus to the open form's heading when a form opens (keyboard and screen-reader users land in it). */
function useFocusEditor(editorKey: string | null) {
  useEffect(() => {
    if (editorKey) document.getElementById('cn-editor-title')?.focus();
  }, [editorKey]);
}

function Lists() {
  const { connections } = useStores();
  const list = useConnections((s) => s.connections);
  const rentManager = list.filter((c) => c.kind === 'rentmanager');
  const smartPlus = list.filter((c) => c.kind === 'smartplus');
  const realSmartPlus = smartPlus.some((c) => !c.isSandbox);
  return (
    <>
      <section className="cn-section" aria-labelledby="cn-rm-title">
        <div className="screen-header">
          <h2 id="cn-rm-title">Rent Manager customers</h2>
          <button type="button" className="btn btn-primary" onClick={() => connections.getState().openNewRentManager()}>
            Add a customer
          </button>
        </div>
        {rentManager.length === 0 ? (
          <EmptyState title="No Rent Manager customer yet">Add a customer with the company code and the API user (or partner token) the property manager gave you.</EmptyState>
        ) : (
          <ul className="cn-list">
            {rentManager.map((c) => (
              <ConnectionCard key={c.id} connection={c} />
            ))}
          </ul>
        )}
      </section>
      <section className="cn-section" aria-labelledby="cn-sp-title">
        <div className="screen-header">
          <h2 id="cn-sp-title">{smartPlus.length > 1 ? 'SmartPlus accounts' : 'SmartPlus account'}</h2>
          {realSmartPlus ? (
            <button type="button" className="btn" onClick={() => connections.getState().openNewSmartPlus()}>
              Add another SmartPlus account
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => connections.getState().openSmartPlus()}>
              Set up your account
            </button>
          )}
        </div>
        {smartPlus.length === 0 ? (
          <EmptyState title="No SmartPlus account yet">Set up your SmartPlus installer account to sync sites and pay for the integration.</EmptyState>
        ) : (
          <ul className="cn-list">
            {smartPlus.map((c) => (
              <ConnectionCard key={c.id} connection={c} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/**
 * Connections (spec §15): Rent Manager customers and the SmartPlus account — add, edit, test,
 * remove. Passwords and tokens are typed here, sent to main once and never shown again.
 */
export function ConnectionsScreen() {
  const { connections } = useStores();
  const status = useConnections((s) => s.status);
  const loadProblem = useConnections((s) => s.loadProblem);
  const editor = useConnections((s) => s.editor);
  const notice = useConnections((s) => s.notice);
  const online = useApp((s) => s.online);
  const editorKey = editor ? `${editor.kind}:${editor.id ?? 'new'}` : null;
  useFocusEditor(editorKey);
  useEffect(() => {
    void connections.getState().load();
  }, [connections]);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Connections
      </h1>
      <p className="muted">Where SiteSync reads tenants (Rent Manager) and writes accounts (SmartPlus). Passwords stay in this computer's keychain.</p>
      {online ? null : (
        <p className="banner banner-warn" role="status">
          You are offline. Saved connections are listed, but signing in and testing need the network.
        </p>
      )}
      <p className="cn-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {editor?.kind === 'rentmanager' ? <RentManagerForm key={editorKey} editor={editor} /> : null}
      {editor?.kind === 'smartplus' ? <SmartPlusForm key={editorKey} editor={editor} /> : null}
      {status === 'loading' || status === 'idle' ? <p role="status">Loading connections…</p> : null}
      {status === 'error' && loadProblem ? (
        <div className="banner banner-error" role="alert">
          <p className="banner-title">The connections could not be loaded.</p>
          <p className="cn-line">
            {loadProblem.text} {loadProblem.nextStep}
          </p>
          <button type="button" className="btn" onClick={() => void connections.getState().load()}>
            Try again
          </button>
        </div>
      ) : null}
      {status === 'ready' ? <Lists /> : null}
    </section>
  );
}
