import { useEffect } from 'react';
import type { Navigation } from '../../../src-shared/ipc/contract/app';
import { useApp, useStores } from '../../stores/stores-context';
import { useOverview } from '../../stores/sync-hooks';

/**
 * The first-run checklist on the Overview (issue 16): pay for the integration → import a site
 * → add devices. Each item ticks itself from real state (billing status, the sites the Overview
 * lists, the sites' devices); an unticked item has a button to go there, all buttons in one column
 * of one width. Gone once all are done.
 */
export function FirstRunChecklist({ siteIds }: { siteIds: string[] }) {
  const { overview } = useStores();
  const navigate = useApp((s) => s.navigate);
  const progress = useOverview((s) => s.firstRun);
  const key = siteIds.join(',');

  useEffect(() => {
    void overview.getState().loadFirstRun(key ? key.split(',') : []);
  }, [overview, key]);

  if (!progress) return null;
  const unpaid = progress.unpaidAccounts.length > 0 ? `Not paid yet: ${progress.unpaidAccounts.join(', ')}` : null;
  const items: { done: boolean; label: string; note?: string | null; action: string; to: Navigation }[] = [
    { done: progress.paid, label: 'Pay for the integration', note: unpaid, action: 'Go to Subscription', to: { screen: 'billing' } },
    { done: siteIds.length > 0, label: 'Import a site', action: 'Go to Get Site from PMS', to: { screen: 'get-site' } },
    { done: progress.devices, label: 'Add devices', action: 'Go to Devices', to: { screen: 'devices' } },
  ];
  if (items.every((i) => i.done)) return null;
  return (
    <section className="card first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Getting started</h2>
      <ol className="first-run-list">
        {items.map((item) => (
          <li key={item.label} className={item.done ? 'first-run-done' : undefined}>
            <span className="first-run-mark" aria-hidden="true">
              {item.done ? '✓' : '○'}
            </span>
            <span>
              {item.label}
              {item.note ? <span className="small muted first-run-note"> — {item.note}</span> : null}
              <span className="sr-only">{item.done ? ' — done' : ' — to do'}</span>
            </span>
            {item.done ? (
              <span className="muted" aria-hidden="true">
                Done
              </span>
            ) : (
              <button type="button" className="btn btn-small" onClick={() => navigate(item.to)}>
                {item.action}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
