import { useState } from 'react';
import type { SandboxHints } from '../../src-shared/ipc/contract/app';
import { formatMac } from '../../src-shared/rules/mac';

/** How many registered MACs the hint shows before "Show all". */
const FIRST_MACS = 2;

/**
 * The registered MACs in two short lines: a head with "Show all N", then the first few MACs,
 * each a button that fills the MAC field (issue 16: the add-device form fits at 1024 × 640).
 */
function MacList({ macs, onPick }: { macs: readonly string[]; onPick?: ((mac: string) => void) | undefined }) {
  const [all, setAll] = useState(false);
  const shown = all ? macs : macs.slice(0, FIRST_MACS);
  return (
    <>
      <span className="sandbox-macs-head">
        <span className="pill pill-sandbox">Sandbox</span>
        <span>Test MACs:</span>
        {macs.length > FIRST_MACS ? (
          <button type="button" className="link-button sandbox-macs-all" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${macs.length}`}
          </button>
        ) : null}
      </span>
      <span className="sandbox-macs">
        {shown.map((mac) =>
          onPick ? (
            <button key={mac} type="button" className="link-button mono" onClick={() => onPick(mac)} aria-label={`Use ${formatMac(mac)}`} title="Use this MAC">
              {formatMac(mac)}
            </button>
          ) : (
            <span key={mac} className="mono">
              {formatMac(mac)}
            </span>
          ),
        )}
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
    <aside className={`banner banner-info sandbox-hint${what === 'macs' ? ' sandbox-hint-macs' : ''}`} aria-label={what === 'cards' ? 'Sandbox test cards' : 'Sandbox device MACs'}>
      {what === 'cards' ? (
        <>
          <span className="pill pill-sandbox">Sandbox</span> Test cards:{' '}
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
