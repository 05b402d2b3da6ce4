import { useState } from 'react';
import { useStore } from 'zustand';
import type { DeviceRow } from '../../../src-shared/domain/device';
import { DEVICE_TYPE_LABELS } from '../../../src-shared/ipc/contract/devices';
import { formatMac } from '../../../src-shared/rules/mac';
import { formatDateTime } from '../../components/format';
import { useApp, useStores } from '../../stores/stores-context';
import { LocationPicker, type LocationChoice } from './LocationPicker';
import { locationText } from './location-text';
import { type Column, DataTable } from '../../components/DataTable';

/** The site's devices with online status (marked "last known" when not just read from SmartPlus); edit (name, location) and remove (after a confirmation) need the network. */
export function DeviceTable({ devices, apartmentNames, stale }: { devices: DeviceRow[]; apartmentNames: Record<string, string>; stale: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const online = useApp((s) => s.online);
  const columns: Column<DeviceRow>[] = [
    { header: 'Name', rowHeader: true, cell: (d) => d.name },
    { header: 'Type', cell: (d) => DEVICE_TYPE_LABELS[d.type] },
    { header: 'MAC', className: 'mono', cell: (d) => formatMac(d.mac) },
    { header: 'Location', cell: (d) => locationText(d.location, apartmentNames) },
    {
      header: 'Status',
      cell: (d) => (
        <>
          {d.online ? <span className="pill pill-ok">Online</span> : <span className="pill pill-muted">Offline</span>}
          {!d.online && d.lastSeenAt ? <div className="muted small">Last seen {formatDateTime(d.lastSeenAt)}</div> : null}
          {stale ? <div className="muted small">Last known</div> : null}
        </>
      ),
    },
    {
      header: <span className="visually-hidden">Actions</span>,
      className: 'actions',
      cell: (d) => (
        <div className="actions-inner">
          {removing === d.id ? (
            <RemoveConfirm device={d} onDone={() => setRemoving(null)} />
          ) : (
            <>
              <button type="button" className="btn btn-small" disabled={!online} title={online ? undefined : 'Needs the network'} aria-label={`Edit ${d.name}`} onClick={() => setEditing(d.id)}>
                Edit
              </button>
              <button type="button" className="btn btn-small btn-danger" disabled={!online} title={online ? undefined : 'Needs the network'} aria-label={`Remove ${d.name}`} onClick={() => setRemoving(d.id)}>
                Remove
              </button>
            </>
          )}
        </div>
      ),
    },
  ];
  return (
    <DataTable
      className="data devices-table"
      caption="Devices of this site"
      captionClassName="visually-hidden"
      columns={columns}
      rows={devices}
      rowKey={(d) => d.id}
      replace={(d) => (editing === d.id ? <EditRow key={d.id} device={d} apartmentNames={apartmentNames} onDone={() => setEditing(null)} /> : undefined)}
    />
  );
}

function RemoveConfirm({ device, onDone }: { device: DeviceRow; onDone: () => void }) {
  const remove = useStore(useStores().devices, (s) => s.remove);
  const busy = useStore(useStores().devices, (s) => s.busy);
  return (
    <span className="confirm" role="group" aria-label={`Confirm removing ${device.name}`}>
      <span>Remove from SmartPlus?</span>
      <button type="button" className="btn btn-small btn-danger" disabled={busy} autoFocus onClick={() => void remove(device).then(onDone)}>
        Yes, remove {device.name}
      </button>
      <button type="button" className="btn btn-small" onClick={onDone}>
        Cancel
      </button>
    </span>
  );
}

function EditRow({ device, apartmentNames, onDone }: { device: DeviceRow; apartmentNames: Record<string, string>; onDone: () => void }) {
  const update = useStore(useStores().devices, (s) => s.update);
  const busy = useStore(useStores().devices, (s) => s.busy);
  const [name, setName] = useState(device.name);
  const [location, setLocation] = useState<LocationChoice>({
    scope: device.location.scope,
    apartment: device.location.scope === 'apartment' && device.location.id ? { id: device.location.id, name: apartmentNames[device.location.id] ?? device.location.id } : null,
  });
  const valid = name.trim() !== '' && (location.scope !== 'apartment' || location.apartment !== null);
  const save = async () => {
    const loc = location.scope === 'apartment' ? { scope: 'apartment' as const, id: location.apartment!.id } : { scope: location.scope };
    if (await update(device.id, { name: name.trim(), location: loc })) onDone();
  };
  return (
    <tr className="editing">
      <td colSpan={6}>
        <form
          className="edit-form"
          aria-label={`Edit ${device.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) void save();
          }}
        >
          <div className="field">
            <label htmlFor={`edit-name-${device.id}`}>Name</label>
            <input id={`edit-name-${device.id}`} value={name} maxLength={100} autoFocus onChange={(e) => setName(e.target.value)} />
          </div>
          <LocationPicker idPrefix={`edit-${device.id}`} value={location} onChange={setLocation} />
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={!valid || busy}>
              Save
            </button>
            <button type="button" className="btn" onClick={onDone}>
              Cancel
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}
