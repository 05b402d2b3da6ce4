import { type KeyboardEvent, useEffect, useRef } from 'react';

/**
 * A modal question with a safe and a risky answer (leave the wizard, reset the sandbox). Focus
 * starts on the safe answer, Tab cycles between the two buttons, Escape picks the safe one, and
 * focus returns where it was.
 */
export function ConfirmDialog({
  title,
  text,
  safeLabel,
  riskyLabel,
  onSafe,
  onRisky,
}: {
  title: string;
  text: string;
  safeLabel: string;
  riskyLabel: string;
  onSafe: () => void;
  onRisky: () => void;
}) {
  const safe = useRef<HTMLButtonElement>(null);
  const risky = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    safe.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onSafe();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      (document.activeElement === safe.current ? risky : safe).current?.focus();
    }
  };
  return (
    <div className="gs-backdrop">
      <div className="card gs-dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-text" onKeyDown={onKeyDown}>
        <h2 id="confirm-title">{title}</h2>
        <p id="confirm-text">{text}</p>
        <div className="row">
          <button ref={safe} type="button" className="btn btn-primary" onClick={onSafe}>
            {safeLabel}
          </button>
          <button ref={risky} type="button" className="btn btn-danger" onClick={onRisky}>
            {riskyLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
