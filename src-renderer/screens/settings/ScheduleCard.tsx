import { useId } from 'react';
import { CheckedField, SaveRow, SettingsForm } from './SettingsFields';
import { useSettings } from './use-settings';

/** Light-sync choices (minutes); the saved value is added when it is not one of them. */
const LIGHT_CHOICES = [15, 30, 60, 120, 240];

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
    <SettingsForm id={id} title="Schedule" onSave={save}>
      <p className="muted">
        Every site gets a full sync once a day. The default, 07:00 UTC, is when the cloud feature refreshes too: 3:00 a.m. Eastern in summer
        (EDT), 2:00 a.m. in winter (EST). A laptop that was asleep makes the missed run up once, soon after it wakes.
      </p>
      <div className="grid-2">
        <CheckedField id={`${id}-time`} label="Daily sync time" value={form.time} error={errors.time} placeholder="07:00, 2:30 or 2:30 PM" onChange={(time) => edit({ time })} />
        <CheckedField id={`${id}-zone`} label="Time zone of that time" value={form.zone} error={errors.zone} zones onChange={(zone) => edit({ zone })} />
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
      <SaveRow label="Save schedule" notice={notice} />
    </SettingsForm>
  );
}
