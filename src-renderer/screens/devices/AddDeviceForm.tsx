import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { DeviceType } from '../../../src-shared/domain/smartplus';
import { DEVICE_TYPE_LABELS } from '../../../src-shared/ipc/contract/devices';
import { checkMac, formatMac } from '../../../src-shared/rules/mac';
import { useApp, useStores } from '../../stores/stores-context';
import { SandboxHint } from '../../components/SandboxHint';
import { LocationPicker, type LocationChoice } from './LocationPicker';

const TYPES = Object.entries(DEVICE_TYPE_LABELS).map(([value, label]) => ({ value: Number(value) as DeviceType, label }));
const EMPTY_LOCATION: LocationChoice = { scope: 'community', apartment: null };

/** The add-device form: type, MAC (checked and normalised as it is typed), name and location. Offline, the addition is queued. */
export function AddDeviceForm() {
  const store = useStores().devices;
  const add = useStore(store, (s) => s.add);
  const busy = useStore(store, (s) => s.busy);
  const siteId = useStore(store, (s) => s.siteId);
  const online = useApp((s) => s.online);
  const appHints = useApp((s) => s.sandboxHints);
  // Issue 16: the test MACs only where the site the device goes to uses the sandbox's SmartPlus account (main decides).
  const siteHints = useStore(store, (s) => s.siteHints);
  useEffect(() => {
    if (appHints && siteId) void store.getState().loadSiteHints();
  }, [appHints, siteId, store]);
  const sandboxHints = !appHints ? null : !siteId ? appHints : siteHints?.siteId === siteId ? siteHints.hints : null;
  const [type, setType] = useState<DeviceType>(0);
  const [mac, setMac] = useState('');
  const [macTouched, setMacTouched] = useState(false);
  const [name, setName] = useState('');
  const [location, setLocation] = useState<LocationChoice>(EMPTY_LOCATION);
  const [submitted, setSubmitted] = useState(false);

  const macResult = checkMac(mac);
  const showMacError = (macTouched || submitted || mac.replace(/[:-]/g, '').length >= 12) && !macResult.ok;
  const nameError = submitted && name.trim() === '' ? 'Give the device a name, e.g. “Lobby door”.' : null;
  const locationError = submitted && location.scope === 'apartment' && !location.apartment ? 'Choose the apartment from the list.' : null;

  const submit = async () => {
    setSubmitted(true);
    if (!macResult.ok || name.trim() === '' || (location.scope === 'apartment' && !location.apartment)) return;
    const ok = await add({
      name: name.trim(),
      type,
      mac: macResult.value,
      location: location.scope === 'apartment' ? { scope: 'apartment', id: location.apartment!.id } : { scope: location.scope },
    });
    if (ok) {
      setMac('');
      setName('');
      setMacTouched(false);
      setSubmitted(false);
      setLocation(EMPTY_LOCATION);
    }
  };

  return (
    <form
      className="card add-device"
      aria-labelledby="add-device-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="add-device-title">Add a device</h2>
      <SandboxHint
        what="macs"
        hints={sandboxHints}
        onPickMac={(picked) => {
          setMac(formatMac(picked));
          setMacTouched(true);
        }}
      />
      {!online ? <p className="small muted">You are offline: the device is queued and sent when back online.</p> : null}
      <div className="field">
        <label htmlFor="device-type">Type</label>
        <select id="device-type" value={type} onChange={(e) => setType(Number(e.target.value) as DeviceType)}>
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="device-mac">MAC address</label>
        <input
          id="device-mac"
          className="mono"
          value={mac}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={showMacError}
          aria-describedby="device-mac-help"
          placeholder="0C:11:05:00:00:01"
          onChange={(e) => setMac(e.target.value)}
          onBlur={() => setMacTouched(mac.trim() !== '')}
        />
        <span id="device-mac-help" className={showMacError ? 'error' : 'hint'} aria-live="polite">
          {showMacError && !macResult.ok
            ? `Not a valid MAC: ${macResult.reason}.`
            : macResult.ok
              ? `Will be saved as ${formatMac(macResult.value)}.`
              : '12 hex digits from the device label.'}
        </span>
      </div>
      <div className="field">
        <label htmlFor="device-name">Name</label>
        <input id="device-name" value={name} maxLength={100} aria-invalid={nameError !== null} aria-describedby={nameError ? 'device-name-error' : undefined} onChange={(e) => setName(e.target.value)} />
        {nameError ? (
          <span id="device-name-error" className="error">
            {nameError}
          </span>
        ) : null}
      </div>
      <LocationPicker idPrefix="add" value={location} onChange={setLocation} />
      {locationError ? <p className="error small">{locationError}</p> : null}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Adding…' : online ? 'Add device' : 'Queue device'}
      </button>
    </form>
  );
}
