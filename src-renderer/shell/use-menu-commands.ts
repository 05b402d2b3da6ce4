import { useEffect } from 'react';
import { useStores } from '../stores/stores-context';

/**
 * Carries out menu commands from main. Ctrl/Cmd+R resyncs the site on screen (a site chosen in
 * Sites, a run's site, a device list) and shows its progress on the Overview; with no site on
 * screen it opens the Overview, where every site has its Resync button.
 */
export function useMenuCommands(): void {
  const { bridge, app, syncProgress } = useStores();
  useEffect(
    () =>
      bridge.on('app.commandIssued', ({ command }) => {
        if (command !== 'resync-current-site') return;
        const siteId = app.getState().route.siteId;
        if (siteId) void syncProgress.getState().start(siteId);
        app.getState().navigate({ screen: 'overview' });
      }),
    [bridge, app, syncProgress],
  );
}
