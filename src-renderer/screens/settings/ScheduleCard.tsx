import { useId } from 'react';
import { useSettings } from './use-settings';

/** Light-sync choices (minutes); the saved value is added when it is not one of them. */
const LIGHT_CHOICES = [15, 30, 60, 120, 240];

/** IANA time-zone names the browser knows, for the zone pickers' suggestions. */
export const TIME_ZONES: readonly string[] = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? ['UTC', ...intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')] : ['UTC', 'America/New_York'];
})();

/** An instant in the user's local time, e.g. "Sat, Nov 28, 2:00 AM EST". */
export function formatLocal(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** An instant in Eastern time (the cloud feature's reference), e.g. "2:00 AM EST". */
export function formatEastern(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** The schedule: daily full sync time and zone, next run in local and Eastern time, light sync interval. */
export function ScheduleCard() {
  const form = useSettings((s) => s.schedule);
  const errors = useSettings((s) => s.scheduleErrors);
  const preview = useSettings((s) => s.schedulePreview);
  const notice = useSettings((s) => s.scheduleNotice);
  const edit = useSettings((s) => s.editSchedule);
  const save = useSettings((s) => s.saveSchedule);
  const id = useId();
  const choices = [...new Set([...LIGHT_CHOICES, ...(form.lightSyncMinutes ? [Number(form.lightSyncMinutes)] : [])])].sort((a, b) => a - b);
  return (
    <form
      className="card st-card"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-title`}>Schedule</h2>
      <p className="muted">
        Every site gets a full sync once a day. The default, 07:00 UTC, is when the cloud feature refreshes too: 3:00 a.m. Eastern in summer
        (EDT), 2:00 a.m. in winter (EST). A laptop that was asleep makes the missed run up once, soon after it wakes.
      </p>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-time`}>Daily sync time (24-hour)</label>
          <input
            id={`${id}-time`}
            value={form.time}
            inputMode="numeric"
            placeholder="07:00"
            aria-invalid={errors.time ? true : undefined}
            aria-describedby={errors.time ? `${id}-time-error` : undefined}
            onChange={(e) => edit({ time: e.target.value })}
          />
          {errors.time ? (
            <span className="error" id={`${id}-time-error`}>
              {errors.time}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`}>Time zone of that time</label>
          <input
            id={`${id}-zone`}
            value={form.zone}
            list={`${id}-zones`}
            aria-invalid={errors.zone ? true : undefined}
            aria-describedby={errors.zone ? `${id}-zone-error` : undefined}
            onChange={(e) => edit({ zone: e.target.value })}
          />
          <datalist id={`${id}-zones`}>
            {TIME_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {errors.zone ? (
            <span className="error" id={`${id}-zone-error`}>
              {errors.zone}
            </span>
          ) : null}
        </div>
      </div>
      {preview && Object.keys(errors).length === 0 ? (
        <p className="st-next" role="status">
          Next full sync: <strong>{formatLocal(preview.nextRunAt)}</strong> your time · <strong>{formatEastern(preview.nextRunAt)}</strong> Eastern
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-light`}>Light sync (changes only, between full syncs)</label>
        <select id={`${id}-light`} value={form.lightSyncMinutes} onChange={(e) => edit({ lightSyncMinutes: e.target.value })}>
          <option value="">Off</option>
          {choices.map((m) => (
            <option key={m} value={String(m)}>
              Every {m >= 60 && m % 60 === 0 ? `${m / 60} hour${m === 60 ? '' : 's'}` : `${m} minutes`}
            </option>
          ))}
        </select>
        <span className="hint">Light syncs read only what changed in Rent Manager, so they are cheap; deletions still wait for the daily full sync.</span>
        {errors.lightSyncMinutes ? <span className="error">{errors.lightSyncMinutes}</span> : null}
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary">
          Save schedule
        </button>
        {notice ? (
          <span className={notice.kind === 'saved' ? 'st-saved' : 'error'} role={notice.kind === 'saved' ? 'status' : 'alert'}>
            {notice.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
