import { useEffect } from 'react';
import { Sidebar } from './shell/Sidebar';
import { useMenuCommands } from './shell/use-menu-commands';
import { StatusBar } from './shell/StatusBar';
import { ScreenHost } from './shell/ScreenHost';
import { StartupNotices } from './shell/StartupNotices';
import { useApp } from './stores/stores-context';

/** Applies the chosen theme: "system" follows the OS through CSS, light/dark override it. */
function useThemeAttribute() {
  const theme = useApp((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
}

/** The application shell: skip link, sidebar, the current screen, status bar. */
export function App() {
  const load = useApp((s) => s.load);
  const loadError = useApp((s) => s.loadError);
  useThemeAttribute();
  useMenuCommands();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar />
      <main id="main" className="content" tabIndex={-1}>
        {loadError ? (
          <div className="banner banner-error" role="alert">
            SiteSync could not start its services: {loadError}
          </div>
        ) : null}
        <StartupNotices />
        <ScreenHost />
      </main>
      <StatusBar />
    </div>
  );
}
