import { useEffect, useRef } from 'react';
import { EmptyState } from '../components/EmptyState';
import { SCREEN_LABELS } from './Sidebar';
import { useApp } from '../stores/stores-context';
import { sidebarScreenOf } from '../stores/app-store';
import { SCREEN_COMPONENTS } from './registry';

/**
 * Renders the current route's screen and, on navigation, moves focus to its heading (screen
 * readers announce it, and the keyboard starts from the top of the new screen).
 */
export function ScreenHost() {
  const screen = useApp((s) => s.route.screen);
  const host = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    host.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screen]);
  const Component = SCREEN_COMPONENTS[screen];
  return (
    <div ref={host} className="screen-host">
      {Component ? (
        <Component />
      ) : (
        <section className="screen" aria-labelledby="screen-title">
          <h1 id="screen-title" tabIndex={-1}>
            {SCREEN_LABELS[sidebarScreenOf(screen)]}
          </h1>
          <EmptyState title="Nothing here yet">This screen is not available in this build.</EmptyState>
        </section>
      )}
    </div>
  );
}
