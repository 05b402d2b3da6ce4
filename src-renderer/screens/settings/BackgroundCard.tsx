import { useEffect, useId } from 'react';
import { formatDateTime } from '../../components/format';
import { useStore } from 'zustand';
import type { BackgroundSettings } from '../../../src-shared/ipc/contract/background';
import { useStores } from '../../stores/stores-context';

const SWITCHES: ReadonlyArray<{ key: keyof BackgroundSettings; label: string; hint: string }> = [
  {
    key: 'keepRunningInBackground',
    label: 'Keep running in the background',
    hint: 'Closing the window hides SiteSync to the tray, so the daily sync still happens. "Quit SiteSync" in the tray really quits.',
  },
  { key: 'startAtSignIn', label: 'Start SiteSync when I sign in', hint: 'It starts hidden, in the tray, so a restarted computer keeps syncing.' },
  {
    key: 'runWhenClosed',
    label: 'Run the daily sync even when SiteSync is closed',
    hint: 'Registers a task with the operating system that runs the daily sync at the scheduled time and once after sign-in, with the same engine.',
  },
];

/** Settings → "Stays on duty": keep running in the tray, start at sign-in, and the OS task (issue 14). */
export function BackgroundCard() {
  const store = useStores().background;
  const view = useStore(store, (s) => s.view);
  const saving = useStore(store, (s) => s.saving);
  const notice = useStore(store, (s) => s.notice);
  const id = useId();
  useEffect(() => {
    void store.getState().load();
  }, [store]);
  return (
    <section className="card st-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Stays on duty</h2>
      {view.status === 'error' ? (
        <p className="error" role="alert">
          These settings could not be loaded: {view.error.text}{' '}
          <button type="button" className="btn" onClick={() => void store.getState().load()}>
            Try again
          </button>
        </p>
      ) : view.status !== 'ready' ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          {SWITCHES.map((s) => (
            <div className="field field-check" key={s.key}>
              <label htmlFor={`${id}-${s.key}`}>
                <input
                  id={`${id}-${s.key}`}
                  type="checkbox"
                  role="switch"
                  checked={view.value[s.key]}
                  disabled={saving !== null}
                  aria-describedby={`${id}-${s.key}-hint`}
                  onChange={(e) => void store.getState().toggle(s.key, e.target.checked)}
                />{' '}
                {s.label}
              </label>
              <span className="hint" id={`${id}-${s.key}-hint`}>
                {s.hint}
                {s.key === 'runWhenClosed' && view.value.runWhenClosed
                  ? ` ${view.value.osTask.registered ? 'Registered' : 'Not registered'}${view.value.osTask.lastRun ? `; last ran ${formatDateTime(view.value.osTask.lastRun)}` : '; not run yet'}.`
                  : ''}
              </span>
            </div>
          ))}
          {notice ? (
            <p className={notice.kind === 'saved' ? 'st-saved' : 'error'} role={notice.kind === 'saved' ? 'status' : 'alert'}>
              {notice.text}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
