import type { ReactNode } from 'react';
import type { Problem } from '../../stores/connections-store';
import { useStores } from '../../stores/stores-context';

/** Why the editor's last sign-in or save did not go through, and the next step; nothing when there is no problem. */
export function ProblemBanner({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <p className="banner banner-error" role="alert">
      {problem.text} {problem.nextStep}
    </p>
  );
}

/** The editor's buttons: submit (with the label for its current state), any extra buttons, then Cancel, which closes the editor. */
export function EditorActions({ label, disabled, children }: { label: string; disabled: boolean; children?: ReactNode }) {
  const { connections } = useStores();
  return (
    <div className="row">
      <button type="submit" className="btn btn-primary" disabled={disabled}>
        {label}
      </button>
      {children}
      <button type="button" className="btn" onClick={() => connections.getState().closeEditor()}>
        Cancel
      </button>
    </div>
  );
}
