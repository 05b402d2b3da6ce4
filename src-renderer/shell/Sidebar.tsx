import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
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

/** Where the sidebar's collapsed or expanded choice is kept between starts. */
export const SIDEBAR_KEY = 'sitesync.sidebar';
/** At this window width or less the sidebar starts collapsed (icons only), until the user chooses. */
export const COLLAPSE_AT_WIDTH = 1100;

/** Collapsed when the user chose so, or — without a choice — when the window is narrow (a 13-inch laptop). */
export function initiallyCollapsed(stored: string | null, width: number): boolean {
  if (stored === 'collapsed') return true;
  if (stored === 'expanded') return false;
  return width <= COLLAPSE_AT_WIDTH;
}

function readChoice(): string | null {
  try {
    return window.localStorage.getItem(SIDEBAR_KEY);
  } catch {
    return null;
  }
}

function saveChoice(collapsed: boolean): void {
  try {
    window.localStorage.setItem(SIDEBAR_KEY, collapsed ? 'collapsed' : 'expanded');
  } catch {
    // Storage off (private mode): the choice holds until the window closes.
  }
}

/**
 * The main navigation. Arrow keys, Home and End move between items (one tab stop for the list).
 * It collapses to icons (labels stay the buttons' names and show as tooltips) with its toggle.
 */
export function Sidebar() {
  const screen = useApp((s) => sidebarScreenOf(s.route.screen));
  const navigate = useApp((s) => s.navigate);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const [collapsed, setCollapsed] = useState(() => initiallyCollapsed(readChoice(), window.innerWidth));
  // Until the user chooses, the sidebar follows the window's width.
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const narrow = window.matchMedia(`(max-width: ${COLLAPSE_AT_WIDTH}px)`);
    const follow = () => {
      if (readChoice() === null) setCollapsed(narrow.matches);
    };
    narrow.addEventListener('change', follow);
    return () => narrow.removeEventListener('change', follow);
  }, []);
  const toggle = () => {
    setCollapsed(!collapsed);
    saveChoice(!collapsed);
  };

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
    <nav className={collapsed ? 'sidebar collapsed' : 'sidebar'} aria-label="Main">
      <div className="brand">
        <img src="./icon.svg" alt="" width={28} height={28} />
        <span className="brand-name">SiteSync</span>
        <button
          type="button"
          className="sidebar-toggle"
          aria-controls="sidebar-items"
          aria-expanded={!collapsed}
          aria-label={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'}
          title={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'}
          onClick={toggle}
        >
          <span className="nav-icon" aria-hidden="true">
            {collapsed ? '»' : '«'}
          </span>
        </button>
      </div>
      <ul id="sidebar-items">
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
              title={collapsed ? SCREEN_LABELS[name] : undefined}
            >
              <span className="nav-icon" aria-hidden="true">
                {ICONS[name]}
              </span>
              <span className="nav-label">{SCREEN_LABELS[name]}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
