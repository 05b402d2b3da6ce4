import type { OverviewSite } from '../../../src-shared/ipc/contract/overview';
import { plural } from '../../components/labels';
import { useApp, useStores } from '../../stores/stores-context';
import { useSyncProgress } from '../../stores/sync-hooks';

/*
 * "Resync all" and paused sites (issue 16): main leaves a paused site out (the button, the tray
 * and the menu alike). The screen says so before the click and after it, naming the site, and
 * offers to run a left-out paused site anyway — one named click, never behind the installer's back.
 */

/** The names of the paused sites, joined for a sentence ("Lakeside and Oak Plaza"). */
function names(sites: OverviewSite[]): string {
  const list = sites.map((s) => s.name);
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)!}`;
}

/** The line under the header while sites are paused: what "Resync all" will leave out. */
export function ResyncAllPausedNote({ sites }: { sites: OverviewSite[] }) {
  const paused = sites.filter((s) => s.pause);
  if (paused.length === 0) return null;
  return (
    <p className="muted" id="resync-all-paused">
      “Resync all” skips the paused {paused.length === 1 ? 'site' : 'sites'} {names(paused)}; resync {paused.length === 1 ? 'it' : 'one'} from its own row if it must run now.
    </p>
  );
}

/** What the last "Resync all" did: how many sites it started, and each one it left out with why. */
export function ResyncAllResult({ sites }: { sites: OverviewSite[] }) {
  const { syncProgress } = useStores();
  const navigate = useApp((s) => s.navigate);
  const skipped = useSyncProgress((s) => s.skipped);
  const started = useSyncProgress((s) => s.startedAll);
  if (skipped.length === 0) return null;
  const byId = (id: string) => sites.find((s) => s.id === id);
  const onlyPaused = skipped.every((s) => s.code === 'PAUSED');
  const title = started === null ? 'Not every site was resynced:' : `${plural(started, 'site')} resynced. Left out:`;
  return (
    <div className={`banner ${onlyPaused ? 'banner-info' : 'banner-warn'}`} role={onlyPaused ? 'status' : 'alert'}>
      <p className="banner-title">{title}</p>
      <ul className="plain-list">
        {skipped.map((s) => {
          const site = byId(s.siteId);
          const name = site?.name ?? 'A site';
          if (s.code === 'PAUSED') {
            const reason = site?.pause?.reason;
            return (
              <li key={s.siteId}>
                {name} skipped: paused{reason ? ` (${reason})` : ''}.{' '}
                <button type="button" className="btn btn-small" onClick={() => void syncProgress.getState().startSkipped(s.siteId)}>
                  Resync {name} anyway
                </button>
              </li>
            );
          }
          return (
            <li key={s.siteId}>
              {s.siteId === '*' ? '' : `${name}: `}
              {s.reason}
            </li>
          );
        })}
      </ul>
      {skipped.some((s) => s.code === 'SUBSCRIPTION_REQUIRED') ? (
        <button type="button" className="btn btn-small" onClick={() => navigate({ screen: 'billing' })}>
          Open Subscription
        </button>
      ) : null}
    </div>
  );
}
