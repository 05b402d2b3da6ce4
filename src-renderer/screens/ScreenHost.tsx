import { useEffect, useRef } from 'react';
import { SCREEN_LABELS } from '../components/Sidebar';
import { EmptyState } from '../components/EmptyState';
import { useApp } from '../stores/stores-context';
import type { Screen } from '../stores/app-store';

/** What each screen shows until its feature lands; replaced screen by screen. */
const PENDING: Record<Screen, string> = {
  overview: 'The sync health of every customer and site will show here.',
  sites: 'Sites imported from Rent Manager, their buildings and apartments will show here.',
  subscription: 'Pay for the Integration service and for apartments here.',
  devices: 'Door phones, indoor monitors and access terminals of each site will show here.',
  runs: 'Every sync run, its problems and reports will show here.',
  settings: 'Sync policy per site, the schedule and the sandbox live here.',
  connections: 'Rent Manager customers and the SmartPlus account are set up here.',
};

/** Renders the current screen and moves focus to its heading on navigation (screen readers announce it). */
export function ScreenHost() {
  const screen = useApp((s) => s.route.screen);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [screen]);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {SCREEN_LABELS[screen]}
      </h1>
      <EmptyState title="Nothing here yet">{PENDING[screen]}</EmptyState>
    </section>
  );
}
