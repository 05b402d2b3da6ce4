import type { ReactNode } from 'react';

/** A radio choice with a short explanation under its label. */
export function Choice({ name, checked, onChange, label, children }: { name: string; checked: boolean; onChange: () => void; label: string; children: ReactNode }) {
  return (
    <label className="gs-choice">
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      <span>
        <strong>{label}</strong>
        <span className="gs-choice-hint">{children}</span>
      </span>
    </label>
  );
}
