import { useState } from 'react';
import type { SandboxHints } from '../../src-shared/ipc/contract/app';
import { formatMac } from '../../src-shared/rules/mac';

/** How many registered MACs the hint shows before "Show all". */
const FIRST_MACS = 3;

/** The registered MACs, a few at first: each a button that fills the MAC field, and "Show all N" for the rest (issue 16: the form fits at 1024 × 640). */
function MacList({ macs, onPick }: { macs: readonly string[]; onPick?: ((mac: string) => void) | undefined }) {
  const [all, setAll] = useState(false);
  const shown = all ? macs : macs.slice(0, FIRST_MACS);
  return (
    <>
      Registered MACs{onPick ? ' (choose one to fill the field)' : ''}:{' '}
      <span className="sandbox-macs">
        {shown.map((mac) =>
          onPick ? (
            <button key={mac} type="button" className="link-button mono" onClick={() => onPick(mac)} aria-label={`Use ${formatMac(mac)}`}>
              {formatMac(mac)}
            </button>
          ) : (
            <span key={mac} className="mono">
              {formatMac(mac)}
            </span>
          ),
        )}
        {macs.length > FIRST_MACS ? (
          <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${macs.length}`}
          </button>
        ) : null}
      </span>
    </>
  );
}

/**
 * In the sandbox only: the test values a step needs (cards where payment is entered, the
 * registered MACs where a device is added), so a new installer can finish the flow. Nothing shows for a real account.
 */
export function SandboxHint({ what, hints, onPickMac }: { what: 'cards' | 'macs'; hints: SandboxHints; onPickMac?: (mac: string) => void }) {
  if (!hints) return null;
  return (
    <aside className="banner banner-info sandbox-hint" aria-label={what === 'cards' ? 'Sandbox test cards' : 'Sandbox device MACs'}>
      <span className="pill pill-sandbox">Sandbox</span>{' '}
      {what === 'cards' ? (
        <>
          Test cards:{' '}
          {hints.cards.map((c, i) => (
            <span key={c.number}>
              {i > 0 ? '; ' : ''}
              <span className="mono">{c.number}</span> — {c.outcome}
            </span>
          ))}
        </>
      ) : (
        <MacList macs={hints.macs} onPick={onPickMac} />
      )}
    </aside>
  );
}
