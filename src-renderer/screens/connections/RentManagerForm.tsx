import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Editor } from '../../stores/connections-store';
import { useStores } from '../../stores/stores-context';
import { EditorActions, ProblemBanner } from './EditorActions';
import { FailureBanner } from './TestOutcome';

type RmEditor = Extract<Editor, { kind: 'rentmanager' }>;

/** Sign-in method, user and secret. The secret lives only in this form's state and goes to main on each sign-in/save. */
function SignInFields({ editor, secret, setSecret }: { editor: RmEditor; secret: string; setSecret: (s: string) => void }) {
  const { connections } = useStores();
  const id = useId();
  const d = editor.draft;
  const secretLabel = d.authKind === 'api-user' ? 'Password' : 'Partner token';
  return (
    <>
      <fieldset className="cn-choices">
        <legend>How SiteSync signs in</legend>
        <label className="cn-choice">
          <input type="radio" name={`${id}-auth`} checked={d.authKind === 'api-user'} onChange={() => connections.getState().setRmDraft({ authKind: 'api-user' })} />
          API user (user name and password)
        </label>
        <label className="cn-choice">
          <input
            type="radio"
            name={`${id}-auth`}
            checked={d.authKind === 'partner-token'}
            aria-describedby={`${id}-partner-hint`}
            onChange={() => connections.getState().setRmDraft({ authKind: 'partner-token' })}
          />
          Partner token
        </label>
        <span id={`${id}-partner-hint`} className="hint">
          A partner token works only from the IP addresses allow-listed for the integration in Rent Manager&apos;s Partner Web Access (usually an
          office&apos;s fixed address). A laptop on another network is refused: there, sign in with an API user.
        </span>
      </fieldset>
      {d.authKind === 'api-user' ? (
        <div className="field">
          <label htmlFor={`${id}-user`}>API user name</label>
          <input id={`${id}-user`} value={d.username} autoComplete="off" onChange={(e) => connections.getState().setRmDraft({ username: e.target.value })} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-secret`}>{secretLabel}</label>
        <input id={`${id}-secret`} type="password" value={secret} autoComplete="new-password" aria-describedby={`${id}-secret-hint`} onChange={(e) => setSecret(e.target.value)} />
        <span id={`${id}-secret-hint`} className="hint">
          {editor.secretSaved ? `A ${secretLabel.toLowerCase()} is saved. Leave this empty to keep it.` : 'Kept only in this computer\'s keychain; never shown again.'}
        </span>
      </div>
    </>
  );
}

/** Step 1: customer name, company code, sign-in; "Sign in and find locations". */
function DetailsStep({ editor, secret, setSecret }: { editor: RmEditor; secret: string; setSecret: (s: string) => void }) {
  const { connections } = useStores();
  const id = useId();
  const d = editor.draft;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void connections.getState().signIn(secret);
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-label`}>Customer name</label>
        <input id={`${id}-label`} data-autofocus value={d.label} onChange={(e) => connections.getState().setRmDraft({ label: e.target.value })} />
        <span className="hint">How this customer is shown in SiteSync, e.g. the property management company.</span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-code`}>Company code</label>
        <input id={`${id}-code`} value={d.companyCode} autoComplete="off" spellCheck={false} aria-describedby={`${id}-code-hint`} onChange={(e) => connections.getState().setRmDraft({ companyCode: e.target.value })} />
        <span id={`${id}-code-hint`} className="hint">
          The first part of the customer's Rent Manager address: <span className="mono">&lt;code&gt;.api.rentmanager.com</span>
        </span>
      </div>
      <SignInFields editor={editor} secret={secret} setSecret={setSecret} />
      <details className="cn-advanced" open={d.baseUrl !== ''}>
        <summary>Advanced</summary>
        <div className="field">
          <label htmlFor={`${id}-url`}>Server address (optional)</label>
          <input id={`${id}-url`} value={d.baseUrl} spellCheck={false} placeholder="https://<code>.api.rentmanager.com" onChange={(e) => connections.getState().setRmDraft({ baseUrl: e.target.value })} />
          <span className="hint">Only for a proxy or a test server. Empty uses the company code's address.</span>
        </div>
      </details>
      {editor.failure ? <FailureBanner failure={editor.failure} /> : null}
      <ProblemBanner problem={editor.problem} />
      <EditorActions label={editor.busy === 'signing-in' ? 'Signing in…' : 'Sign in and find locations'} disabled={editor.busy !== null} />
    </form>
  );
}

/** Step 2: pick the location (database) from those the sign-in can see, then save. */
function LocationStep({ editor, secret }: { editor: RmEditor; secret: string }) {
  const { connections } = useStores();
  const id = useId();
  const legend = useRef<HTMLLegendElement>(null);
  useEffect(() => legend.current?.parentElement?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void connections.getState().save(secret);
  };
  return (
    <form onSubmit={submit}>
      <p className="banner cn-ok" role="status">
        Signed in to {editor.draft.companyCode}. Choose the location to sync from.
      </p>
      <fieldset className="cn-choices">
        <legend ref={legend}>Location</legend>
        {editor.locations.map((l) => (
          <label key={l.id} className="cn-choice">
            <input type="radio" name={`${id}-loc`} checked={editor.draft.locationId === l.id} onChange={() => connections.getState().setRmDraft({ locationId: l.id })} />
            {l.name} <span className="muted">(ID {l.id}{l.isMain ? ', main location' : ''})</span>
          </label>
        ))}
      </fieldset>
      <ProblemBanner problem={editor.problem} />
      <EditorActions label={editor.busy === 'saving' ? 'Saving…' : 'Save connection'} disabled={editor.busy !== null || editor.draft.locationId === null}>
        <button type="button" className="btn" onClick={() => connections.getState().backToDetails()}>
          Back
        </button>
      </EditorActions>
    </form>
  );
}

/** Add or edit a Rent Manager customer: details and sign-in → locations → save. */
export function RentManagerForm({ editor }: { editor: RmEditor }) {
  const [secret, setSecret] = useState('');
  return (
    <section className="card cn-editor" aria-labelledby="cn-editor-title">
      <h2 id="cn-editor-title" tabIndex={-1}>
        {editor.id ? `Edit ${editor.draft.label || 'customer'}` : 'Add a Rent Manager customer'}
      </h2>
      <p className="muted cn-step">{editor.phase === 'details' ? 'Step 1 of 2: sign in' : 'Step 2 of 2: location'}</p>
      {editor.phase === 'details' ? <DetailsStep editor={editor} secret={secret} setSecret={setSecret} /> : <LocationStep editor={editor} secret={secret} />}
    </section>
  );
}
