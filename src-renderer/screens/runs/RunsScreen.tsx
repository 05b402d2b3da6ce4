import { useEffect, useRef } from 'react';
import { useApp } from '../../stores/stores-context';
import { HistoryRangeNote } from './HistoryRangeNote';
import { RunDetailView } from './RunDetailView';
import { RunHistory } from './RunHistory';

/**
 * The Runs screen: the history, or one run when the route names it (a click in the history, a
 * link from the overview, or main's navigation after a notification click).
 */
export function RunsScreen() {
  const runId = useApp((s) => s.route.runId ?? null);
  const siteId = useApp((s) => s.route.siteId ?? null);
  const first = useRef(true);
  useEffect(() => {
    // ScreenHost focuses the heading when the screen changes; within Runs, do it when the view does.
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('screen-title')?.focus();
  }, [runId, siteId]);
  return runId ? (
    <RunDetailView runId={runId} />
  ) : (
    <>
      <RunHistory siteId={siteId} />
      <HistoryRangeNote />
    </>
  );
}
