import { useEffect, useState } from 'react';
import { useStores } from '../../stores/stores-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadStatus } from '../../components/LoadStatus';
import { SaveDiagnosticsButton, SaveDiagnosticsNote, SaveDiagnosticsResult } from '../../components/SaveDiagnostics';
import { useDiagnostics } from '../../stores/diagnostics-store';
import { BackgroundCard } from './BackgroundCard';
import { PolicyCard } from './PolicyCard';
import { ScheduleCard } from './ScheduleCard';
import { SyncSpeedCard } from './SyncSpeedCard';
import { useSettings } from './use-settings';

function SandboxCard() {
  const resetting = useSettings((s) => s.resetting);
  const notice = useSettings((s) => s.resetNotice);
  const reset = useSettings((s) => s.resetSandbox);
  const [asking, setAsking] = useState(false);
  return (
    <section className="card st-card" aria-labelledby="st-sandbox-title">
      <h2 id="st-sandbox-title">
        Sandbox <span className="pill pill-sandbox">Sandbox</span>
      </h2>
      <p className="muted">
        SiteSync is running on its built-in stand-ins for Rent Manager and SmartPlus, filled with demo data. Resetting puts the demo data back and
        forgets every site synced from it.
      </p>
      <div className="row">
        <button type="button" className="btn btn-danger" disabled={resetting} onClick={() => setAsking(true)}>
          {resetting ? 'Resetting the sandbox…' : 'Reset sandbox'}
        </button>
        {notice ? (
          <span className={notice.kind === 'saved' ? 'st-saved' : 'error'} role={notice.kind === 'saved' ? 'status' : 'alert'}>
            {notice.text}
          </span>
        ) : null}
      </div>
      {asking ? (
        <ConfirmDialog
          title="Reset the sandbox?"
          text="The demo data comes back as it was, payments made with test cards are undone, and every site synced from the sandbox is forgotten. Real connections are not touched."
          safeLabel="Keep the sandbox as it is"
          riskyLabel="Reset sandbox"
          onSafe={() => setAsking(false)}
          onRisky={() => {
            setAsking(false);
            void reset();
          }}
        />
      ) : null}
    </section>
  );
}

/** Help from support: "Save diagnostics" with what goes into the report (issue 13). */
function SupportCard() {
  const diagnostics = useDiagnostics('settings');
  return (
    <section className="card st-card" aria-labelledby="st-support-title">
      <h2 id="st-support-title">Support</h2>
      <SaveDiagnosticsNote>
        When SiteSync does not behave as it should, save a diagnostics report and send it to support: the app and system versions, the last 500 log
        lines, the latest run&apos;s report and the shapes of Rent Manager&apos;s and SmartPlus&apos;s last answers.
      </SaveDiagnosticsNote>
      <div className="row">
        <SaveDiagnosticsButton busy={diagnostics.busy} onSave={diagnostics.save} />
      </div>
      <SaveDiagnosticsResult outcome={diagnostics.outcome} onShowFolder={diagnostics.showFolder} />
    </section>
  );
}

/** Settings (spec §3, §6, §12): the schedule, staying on duty (issue 14), each site's policy, the sync speed, support, and the sandbox reset. */
export function SettingsScreen() {
  const { settings } = useStores();
  const view = useSettings((s) => s.view);
  const sites = useSettings((s) => s.sites);
  useEffect(() => {
    void settings.getState().load();
  }, [settings]);
  return (
    <section className="screen settings" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Settings
      </h1>
      <LoadStatus value={view} loading="Loading settings…" onRetry={() => void settings.getState().load()}>
        {(data) => (
          <>
            <ScheduleCard />
            <BackgroundCard />
            {sites.status === 'error' ? (
              <div className="banner banner-error" role="alert">
                The sites could not be loaded: {sites.error.text} {sites.error.nextStep}
              </div>
            ) : (
              <PolicyCard />
            )}
            <SyncSpeedCard />
            <SupportCard />
            {data.sandbox ? <SandboxCard /> : null}
          </>
        )}
      </LoadStatus>
    </section>
  );
}
