import { type KeyboardEvent, useRef } from 'react';
import { SCREENS, type Screen, sidebarScreenOf } from '../stores/app-store';
import { useApp } from '../stores/stores-context';

/** Sidebar labels, in the order of {@link SCREENS}. */
export const SCREEN_LABELS: Record<Screen, string> = {
  overview: 'Overview',
  apartments: 'Sites',
  billing: 'Subscription',
  devices: 'Devices',
  runs: 'Runs',
  settings: 'Settings',
  connections: 'Connections',
};

const ICONS: Record<Screen, string> = {
  overview: '◎',
  apartments: '▦',
  billing: '◈',
  devices: '⌂',
  runs: '↻',
  settings: '⚙',
  connections: '⇄',
};

/** The main navigation. Arrow keys, Home and End move between items (one tab stop for the list). */
export function Sidebar() {
  const screen = useApp((s) => sidebarScreenOf(s.route.screen));
  const navigate = useApp((s) => s.navigate);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = SCREENS.length - 1;
    const target =
      event.key === 'ArrowDown' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowUp' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    refs.current[target]?.focus();
  };

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <img src="./icon.svg" alt="" width={28} height={28} />
        <span>SiteSync</span>
      </div>
      <ul>
        {SCREENS.map((name, index) => (
          <li key={name}>
            <button
              ref={(el) => {
                refs.current[index] = el;
              }}
              type="button"
              className={name === screen ? 'nav-item active' : 'nav-item'}
              aria-current={name === screen ? 'page' : undefined}
              tabIndex={name === screen ? 0 : -1}
              onKeyDown={(e) => onKeyDown(e, index)}
              onClick={() => navigate({ screen: name })}
            >
              <span className="nav-icon" aria-hidden="true">
                {ICONS[name]}
              </span>
              {SCREEN_LABELS[name]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
