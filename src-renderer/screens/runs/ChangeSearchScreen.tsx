import { type FormEvent, useEffect, useState } from 'react';
import type { ChangeSearchInput } from '../../../src-shared/ipc/contract/runs';
import { ChangesTable } from '../../components/ChangesTable';
import { useApp, useStores } from '../../stores/stores-context';
import { useOverview, useRuns } from '../../stores/sync-hooks';

/** A `datetime-local` value ("2026-11-27T18:00") for a Date, in the user's zone. */
function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Last night": yesterday 6 p.m. to today 9 a.m., local time — the window of the nightly sync. */
export function lastNight(now = new Date()): { from: string; to: string } {
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 9, 0);
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 18, 0);
  return { from: localInput(from), to: localInput(to) };
}

interface Form {
  text: string;
  siteId: string;
  from: string;
  to: string;
  accessRemoved: boolean;
}

function toQuery(f: Form): ChangeSearchInput {
  return {
    text: f.text.trim(),
    accessRemoved: f.accessRemoved,
    limit: 200,
    ...(f.siteId ? { siteId: f.siteId } : {}),
    ...(f.from ? { from: new Date(f.from).toISOString() } : {}),
    ...(f.to ? { to: new Date(f.to).toISOString() } : {}),
  };
}

/**
 * Search across every run and site (issue 15): by person, unit, e-mail or RF card, and "access
 * removed between dates" — one screen that answers "who lost access last night".
 */
export function ChangeSearchScreen() {
  const { runs, overview } = useStores();
  const navigate = useApp((s) => s.navigate);
  const result = useRuns((s) => s.search.result);
  const customers = useOverview((s) => s.overview.value?.customers);
  const sites = customers?.flatMap((c) => c.sites) ?? [];
  const [form, setForm] = useState<Form>({ text: '', siteId: '', from: '', to: '', accessRemoved: false });
  const [invalid, setInvalid] = useState<string | null>(null);
  useEffect(() => {
    if (overview.getState().overview.status === 'idle') void overview.getState().load();
  }, [overview]);

  const search = (f: Form) => {
    if (f.from && f.to && new Date(f.from) >= new Date(f.to)) {
      setInvalid('The end of the period must come after its start.');
      return;
    }
    setInvalid(null);
    void runs.getState().searchChanges(toQuery(f));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search(form);
  };
  const preset = () => {
    const next = { ...form, ...lastNight(), accessRemoved: true };
    setForm(next);
    search(next);
  };
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const found = result.value;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <button type="button" className="btn btn-small" onClick={() => navigate({ screen: 'runs' })}>
        ← All runs
      </button>
      <div className="screen-header">
        <h1 id="screen-title" tabIndex={-1}>
          Search changes
        </h1>
        <button type="button" className="btn btn-primary" onClick={preset}>
          Who lost access last night?
        </button>
      </div>
      <form className="card search-form" onSubmit={onSubmit} aria-label="Search changes">
        <div className="field">
          <label htmlFor="change-text">Person, unit, e-mail or RF card</label>
          <input id="change-text" type="search" maxLength={100} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="change-site">Site</label>
          <select id="change-site" value={form.siteId} onChange={(e) => setForm({ ...form, siteId: e.target.value })}>
            <option value="">Every site</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="change-from">From</label>
          <input id="change-from" type="datetime-local" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="change-to">Until</label>
          <input id="change-to" type="datetime-local" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </div>
        <label className="check">
          <input type="checkbox" checked={form.accessRemoved} onChange={(e) => setForm({ ...form, accessRemoved: e.target.checked })} /> Only access removed (accounts deleted, PINs and
          cards removed)
        </label>
        <button type="submit" className="btn">
          Search
        </button>
      </form>
      {invalid ? (
        <div className="banner banner-error" role="alert">
          {invalid}
        </div>
      ) : null}
      {result.status === 'loading' ? <p role="status">Searching…</p> : null}
      {result.status === 'error' ? (
        <div className="banner banner-error" role="alert">
          The search failed: {result.error.text} {result.error.nextStep}
        </div>
      ) : null}
      {found && found.changes.length === 0 ? <p role="status">No change matches.</p> : null}
      {found && found.changes.length > 0 ? (
        <>
          <p role="status">
            {found.more ? `The newest ${found.changes.length} matching changes (narrow the search to see the rest).` : `${found.changes.length} matching change${found.changes.length === 1 ? '' : 's'}.`}
          </p>
          <ChangesTable
            caption="Matching changes"
            changes={found.changes}
            site={(c) => siteName.get(c.siteId) ?? c.siteName}
            onOpenRun={(c) => navigate({ screen: 'runs', runId: c.runId })}
            onOpenApartment={(c) => navigate({ screen: 'apartments', siteId: c.siteId, apartmentId: c.apartmentId! })}
          />
        </>
      ) : null}
    </section>
  );
}
