import { useId } from 'react';
import { MAX_REQUESTS_IN_FLIGHT } from '../../../src-shared/domain/preferences';
import { CheckedField, SaveRow, SettingsForm } from './SettingsFields';
import { useSettings } from './use-settings';

/** Sync speed: the cap on SmartPlus requests in flight (issue 13). */
export function SyncSpeedCard() {
  const value = useSettings((s) => s.inFlight);
  const error = useSettings((s) => s.inFlightError);
  const notice = useSettings((s) => s.inFlightNotice);
  const edit = useSettings((s) => s.editInFlight);
  const save = useSettings((s) => s.saveInFlight);
  const id = useId();
  return (
    <SettingsForm id={id} title="Sync speed" onSave={save}>
      <p className="muted">
        SmartPlus accepts 20 requests a second. On a slow line SiteSync keeps several requests on the way at once so it still reaches that pace,
        and slows down by itself when SmartPlus asks it to. This sets the most it may send at once.
      </p>
      <CheckedField id={`${id}-max`} label="Maximum requests in flight" value={value} error={error ?? undefined} inputMode="numeric" placeholder={String(MAX_REQUESTS_IN_FLIGHT.default)} onChange={edit} />
      <p className="hint">
        Default {MAX_REQUESTS_IN_FLIGHT.default}, from {MAX_REQUESTS_IN_FLIGHT.min} to {MAX_REQUESTS_IN_FLIGHT.max}. Lower it on a shared or metered connection;
        the default is enough up to about half a second per request.
      </p>
      <SaveRow label="Save sync speed" notice={notice} />
    </SettingsForm>
  );
}
