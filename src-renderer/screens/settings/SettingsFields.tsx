import type { HTMLAttributes, ReactNode } from 'react';

/** IANA time-zone names the browser knows, for the zone pickers' suggestions. */
export const TIME_ZONES: readonly string[] = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? ['UTC', ...intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')] : ['UTC', 'America/New_York'];
})();

/** A settings card's save outcome: "saved" as a status, a failure as an alert. */
export type SaveNotice = { kind: 'saved' | 'error'; text: string };

/**
 * A labelled text input whose validation error is tied to it (aria-invalid, aria-describedby);
 * with `zones`, the browser's time zones are offered as suggestions.
 */
export function CheckedField({
  id,
  label,
  value,
  error,
  zones,
  inputMode,
  placeholder,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  zones?: boolean;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        list={zones ? `${id}-zones` : undefined}
        inputMode={inputMode}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {zones ? (
        <datalist id={`${id}-zones`}>
          {TIME_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      ) : null}
      {error ? (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A settings card as a form named by its title; submitting saves without reloading the page. */
export function SettingsForm({ id, title, onSave, children }: { id: string; title: string; onSave: () => Promise<void>; children: ReactNode }) {
  return (
    <form
      className="card st-card"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </form>
  );
}

/** A settings card's submit button and, next to it, the outcome of the last save. */
export function SaveRow({ label, notice }: { label: string; notice: SaveNotice | null }) {
  return (
    <div className="row">
      <button type="submit" className="btn btn-primary">
        {label}
      </button>
      {notice ? (
        <span className={notice.kind === 'saved' ? 'st-saved' : 'error'} role={notice.kind === 'saved' ? 'status' : 'alert'}>
          {notice.text}
        </span>
      ) : null}
    </div>
  );
}
