import { useStore } from 'zustand';
import type { OutboxItem } from '../../../src-shared/domain/device';
import { DEVICE_TYPE_LABELS } from '../../../src-shared/ipc/contract/devices';
import { formatMac } from '../../../src-shared/rules/mac';
import { deviceErrorText } from '../../stores/device-errors';
import { useApp, useStores } from '../../stores/stores-context';
import { locationText } from './location-text';
import type { ErrorCode } from '../../../src-shared/errors';

/** Device additions made offline: queued, being sent, or failed (with Retry / Discard) — never dropped silently. */
export function OutboxList({ items, apartmentNames }: { items: OutboxItem[]; apartmentNames: Record<string, string> }) {
  const store = useStores().devices;
  const retry = useStore(store, (s) => s.retry);
  const discard = useStore(store, (s) => s.discard);
  const online = useApp((s) => s.online);
  const open = items.filter((i) => i.status !== 'sent');
  if (open.length === 0) return null;
  return (
    <section className="card outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Waiting to be added</h2>
      <ul className="plain-list">
        {open.map((item) => (
          <li key={item.id} className="outbox-item" data-testid={`outbox-${item.id}`}>
            <div>
              <strong>{item.device.name}</strong>{' '}
              <span className="muted">
                · {DEVICE_TYPE_LABELS[item.device.type]} · {formatMac(item.device.mac)} · {locationText(item.device.location, apartmentNames)}
              </span>
            </div>
            {item.status === 'failed' ? (
              <div className="outbox-failed" role="alert">
                <span className="pill pill-danger">Not added</span>{' '}
                {deviceErrorText({ text: item.error ?? 'SmartPlus refused it.', nextStep: null, code: (item.errorCode as ErrorCode | null) ?? null })}
                <div className="row">
                  <button type="button" className="btn btn-small" disabled={!online} aria-label={`Retry adding ${item.device.name}`} onClick={() => void retry(item.id)}>
                    Retry
                  </button>
                  <button type="button" className="btn btn-small btn-danger" aria-label={`Discard ${item.device.name}`} onClick={() => void discard(item.id)}>
                    Discard
                  </button>
                </div>
              </div>
            ) : item.status === 'sending' ? (
              <span className="pill pill-muted">Sending…</span>
            ) : (
              <div>
                <span className="pill pill-warn">{online ? 'Queued — will be sent shortly' : 'Queued — will be sent when back online'}</span>
                {item.error ? <span className="muted small"> Last try: {item.error}</span> : null}{' '}
                <button type="button" className="btn btn-small" aria-label={`Discard ${item.device.name}`} onClick={() => void discard(item.id)}>
                  Discard
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
