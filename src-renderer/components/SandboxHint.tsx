import type { SandboxHints } from '../../src-shared/ipc/contract/app';

/**
 * In the sandbox only: the test values a step needs (cards where payment is entered, the
 * registered MACs where a device is added), so a new installer can finish the flow. Nothing shows for a real account.
 */
export function SandboxHint({ what, hints }: { what: 'cards' | 'macs'; hints: SandboxHints }) {
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
        <>
          Registered MACs: <span className="mono">{hints.macs.join(', ')}</span>
        </>
      )}
    </aside>
  );
}
