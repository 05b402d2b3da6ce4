import { formatDateTime } from '../components/format';
import { useApp } from '../stores/stores-context';

/** The bottom bar: online/offline, sandbox label, last sync, theme switch. */
export function StatusBar() {
  const info = useApp((s) => s.info);
  const online = useApp((s) => s.online);
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  return (
    <footer className="status-bar" role="contentinfo">
      <span className={online ? 'pill pill-ok' : 'pill pill-warn'} role="status" aria-live="polite">
        {online ? 'Online' : 'Offline'}
      </span>
      {info?.sandbox && info.sandboxOnly !== false ? (
        <span className="pill pill-sandbox" title="Rent Manager and SmartPlus are local stand-ins; nothing reaches a real building.">
          Sandbox
        </span>
      ) : null}
      <span className="status-text">Last sync: {info?.lastSyncAt ? formatDateTime(info.lastSyncAt) : 'never'}</span>
      <span className="spacer" />
      <label className="theme-picker">
        Theme{' '}
        <select value={theme} onChange={(e) => void setTheme(e.target.value as typeof theme)}>
          <option value="system">Follow system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      {info ? <span className="status-text">v{info.version}</span> : null}
    </footer>
  );
}
