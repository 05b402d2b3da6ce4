import { type FormEvent, useId, useState } from 'react';
import type { Editor } from '../../stores/connections-store';
import { useStores } from '../../stores/stores-context';
import { EditorActions, ProblemBanner } from './EditorActions';

type SpEditor = Extract<Editor, { kind: 'smartplus' }>;

/** Set up or change the installer's SmartPlus account. The password stays in this form's state until it is sent once. */
export function SmartPlusForm({ editor }: { editor: SpEditor }) {
  const { connections } = useStores();
  const [password, setPassword] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void connections.getState().save(password);
  };
  // A further account is named first (its name tells it apart); the only account's name is optional, asked last.
  const nameField = (
    <div className="field">
      <label htmlFor={`${id}-label`}>Account name</label>
      <input id={`${id}-label`} value={editor.draft.label} autoComplete="off" aria-describedby={`${id}-label-hint`} onChange={(e) => connections.getState().setSpDraft({ label: e.target.value })} />
      <span id={`${id}-label-hint`} className="hint">
        {editor.newAccount ? 'How this account is named on screens, such as its region or company ("North region"). Each account needs its own name.' : 'How this account is named on screens. Leave empty for "SmartPlus account".'}
      </span>
    </div>
  );
  return (
    <section className="card cn-editor" aria-labelledby="cn-editor-title">
      <h2 id="cn-editor-title" tabIndex={-1}>
        {editor.newAccount ? 'Add another SmartPlus account' : editor.id ? 'Change the SmartPlus account' : 'Set up the SmartPlus account'}
      </h2>
      <form onSubmit={submit} noValidate>
        {editor.newAccount ? nameField : null}
        <div className="field">
          <label htmlFor={`${id}-url`}>SmartPlus server address</label>
          <input id={`${id}-url`} data-autofocus value={editor.draft.baseUrl} spellCheck={false} placeholder="https://…/api/v1" onChange={(e) => connections.getState().setSpDraft({ baseUrl: e.target.value })} />
          <span className="hint">The address of your region's SmartPlus Cloud, as given by your Akuvox distributor.</span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-user`}>User name (e-mail)</label>
          <input id={`${id}-user`} value={editor.draft.username} autoComplete="off" onChange={(e) => connections.getState().setSpDraft({ username: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pw`}>Password</label>
          <input id={`${id}-pw`} type="password" value={password} autoComplete="new-password" aria-describedby={`${id}-pw-hint`} onChange={(e) => setPassword(e.target.value)} />
          <span id={`${id}-pw-hint`} className="hint">
            {editor.secretSaved ? 'A password is saved. Leave this empty to keep it.' : "Kept only in this computer's keychain; never shown again."}
          </span>
        </div>
        {editor.newAccount ? null : nameField}
        <ProblemBanner problem={editor.problem} />
        <EditorActions label={editor.busy === 'saving' ? 'Saving…' : 'Save and test'} disabled={editor.busy !== null} />
      </form>
    </section>
  );
}
