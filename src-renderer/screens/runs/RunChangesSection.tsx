import { ChangesTable } from '../../components/ChangesTable';
import { useApp, useStores } from '../../stores/stores-context';
import { useRuns } from '../../stores/sync-hooks';

/** The changes a run made (issue 15), page by page, each linking to its apartment; PINs masked with Reveal. */
export function RunChangesSection({ total }: { total: number }) {
  const { runs } = useStores();
  const navigate = useApp((s) => s.navigate);
  const changes = useRuns((s) => s.changes);
  const revealed = useRuns((s) => s.revealed);
  const revealError = useRuns((s) => s.revealError);
  const { loadMoreChanges, revealChangePin, hideChangePin } = runs.getState();
  const page = changes.value;
  return (
    <section aria-labelledby="changes-title" className="run-section">
      <h2 id="changes-title">Changes ({total})</h2>
      {revealError ? (
        <div className="banner banner-error" role="alert">
          The PIN could not be shown: {revealError.text} {revealError.nextStep}
        </div>
      ) : null}
      {changes.error ? (
        <div className="banner banner-error" role="alert">
          The changes could not be loaded: {changes.error.text} {changes.error.nextStep}
        </div>
      ) : null}
      {total === 0 ? <p className="muted">This run changed nothing in SmartPlus.</p> : null}
      {total > 0 && !page ? <p role="status">Loading the changes…</p> : null}
      {page && page.changes.length > 0 ? (
        <>
          <ChangesTable
            caption="Changes of this run"
            changes={page.changes}
            revealed={revealed}
            onReveal={(c, which) => void revealChangePin(c.runId, c.seq, which)}
            onHide={hideChangePin}
            onOpenApartment={(c) => navigate({ screen: 'apartments', siteId: c.siteId, apartmentId: c.apartmentId! })}
          />
          {page.changes.length < page.total ? (
            <button type="button" className="btn" disabled={changes.status === 'loading'} onClick={() => void loadMoreChanges()}>
              {changes.status === 'loading' ? 'Loading…' : `Show more (${page.changes.length} of ${page.total})`}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
