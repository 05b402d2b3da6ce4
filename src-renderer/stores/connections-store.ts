import { createStore } from 'zustand/vanilla';
import type { AccountCommunity, ConnectionFailure, ConnectionListItem, ConnectionTestResult, RmLocation } from '../../src-shared/ipc/contract/connections';
import { type Bridge, BridgeError } from '../bridge';
import { describeError } from '../lib/error-text';

/** The non-secret fields of the Rent Manager form. The password or token is never here: it stays in the form's own state. */
export interface RmDraft {
  label: string;
  companyCode: string;
  /** Server address override (empty = `https://<code>.api.rentmanager.com`). */
  baseUrl: string;
  authKind: 'api-user' | 'partner-token';
  username: string;
  locationId: number | null;
}

/** The non-secret fields of the SmartPlus form. */
export interface SpDraft {
  /** The account's name on screens ("North region"); empty keeps the saved one (or "SmartPlus account"). */
  label: string;
  baseUrl: string;
  username: string;
}

/** A failure to show: what happened and the next step. */
export interface Problem {
  text: string;
  nextStep: string | null;
}

/**
 * The open form, as a discriminated union. A Rent Manager customer goes `details` → (sign in)
 * → `location` → (save); `secretSaved` says a secret is already in the keychain (editing).
 */
export type Editor =
  | {
      kind: 'rentmanager';
      id: string | null;
      phase: 'details' | 'location';
      busy: 'signing-in' | 'saving' | null;
      draft: RmDraft;
      locations: RmLocation[];
      failure: ConnectionFailure | null;
      problem: Problem | null;
      secretSaved: boolean;
    }
  | {
      kind: 'smartplus';
      id: string | null;
      /** "Add another SmartPlus account" (issue 16): saved beside the others, never over one. */
      newAccount: boolean;
      busy: 'saving' | null;
      draft: SpDraft;
      problem: Problem | null;
      secretSaved: boolean;
    };

/** The communities of one SmartPlus account as its card shows them (issue 16). */
export type CommunitiesState = { state: 'loading' } | { state: 'done'; list: AccountCommunity[] } | { state: 'error'; problem: Problem };

/** A connection's last test: running, or its result. */
export type TestState = { state: 'testing' } | { state: 'done'; result: ConnectionTestResult };

/** The Connections screen's state. */
export interface ConnectionsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadProblem: Problem | null;
  connections: ConnectionListItem[];
  tests: Record<string, TestState>;
  /** The communities shown under each SmartPlus account's card, by account id (absent: hidden). */
  communities: Record<string, CommunitiesState>;
  editor: Editor | null;
  /** The connection whose removal waits for confirmation. */
  confirmRemove: string | null;
  removeProblem: Problem | null;
  /** A short "Saved" / "Removed" note for a live region. */
  notice: string | null;
  load(): Promise<void>;
  openNewRentManager(): void;
  openSmartPlus(): void;
  /** Opens an empty SmartPlus form that saves a further account beside the existing ones. */
  openNewSmartPlus(): void;
  openEdit(id: string): void;
  closeEditor(): void;
  setRmDraft(patch: Partial<RmDraft>): void;
  setSpDraft(patch: Partial<SpDraft>): void;
  /** Signs in with the typed secret (or the saved one when empty) and lists the locations. Never keeps the secret. */
  signIn(secret: string): Promise<void>;
  /** Back from the location list to the sign-in details. */
  backToDetails(): void;
  /** Saves the open form. `secret` (password/token) is sent once and not kept; empty keeps the saved one. */
  save(secret: string): Promise<boolean>;
  test(id: string): Promise<void>;
  /** Shows (loading them) or hides the communities of a SmartPlus account. */
  toggleCommunities(accountId: string): Promise<void>;
  askRemove(id: string | null): void;
  remove(id: string): Promise<void>;
}

const EMPTY_RM: RmDraft = { label: '', companyCode: '', baseUrl: '', authKind: 'api-user', username: '', locationId: null };

/** The failure in words; a next step main sent with it (a refused removal names what to do) wins over the generic one. */
function problemOf(error: unknown): Problem {
  const { text, nextStep, code } = describeError(error);
  const sent = error instanceof BridgeError ? error.details?.nextStep : undefined;
  if (typeof sent === 'string') return { text, nextStep: sent };
  // A refused input says itself what to change ("Give this account another name"); these forms highlight no field.
  return { text, nextStep: code === 'BAD_INPUT' ? null : nextStep };
}

/** What is missing before the Rent Manager sign-in can be tried, or null. */
export function rmDetailsBlocker(draft: RmDraft, secret: string, secretSaved: boolean): string | null {
  if (!draft.label.trim()) return 'Enter a name for this customer.';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/i.test(draft.companyCode.trim())) return 'Enter the company code (the "<code>" of <code>.api.rentmanager.com).';
  if (draft.baseUrl.trim() && !/^https?:\/\/\S+$/i.test(draft.baseUrl.trim())) return 'The server address starts with https:// (or http:// for a local test server).';
  if (draft.authKind === 'api-user' && !draft.username.trim()) return 'Enter the API user name.';
  if (!secret && !secretSaved) return draft.authKind === 'api-user' ? 'Enter the password.' : 'Enter the partner token.';
  return null;
}

/** Builds the Connections store over a bridge; follows `connections.changed` to stay current. */
export function createConnectionsStore(bridge: Bridge) {
  const store = createStore<ConnectionsState>()((set, get) => {
    function rmRequest(editor: Extract<Editor, { kind: 'rentmanager' }>, secret: string) {
      const d = editor.draft;
      const typed = secret ? secret : undefined;
      const signIn =
        d.authKind === 'api-user'
          ? { kind: 'api-user' as const, username: d.username.trim(), ...(typed ? { password: typed } : {}) }
          : { kind: 'partner-token' as const, ...(typed ? { partnerToken: typed } : {}) };
      return { ...(editor.id ? { id: editor.id } : {}), companyCode: d.companyCode.trim().toLowerCase(), ...(d.baseUrl.trim() ? { baseUrl: d.baseUrl.trim() } : {}), signIn };
    }

    function patchEditor<K extends Editor['kind']>(kind: K, patch: Partial<Extract<Editor, { kind: K }>>) {
      const editor = get().editor;
      if (editor?.kind === kind) set({ editor: { ...editor, ...patch } as Editor });
    }

    return {
      status: 'idle',
      loadProblem: null,
      connections: [],
      tests: {},
      communities: {},
      editor: null,
      confirmRemove: null,
      removeProblem: null,
      notice: null,

      async load() {
        set({ status: get().status === 'ready' ? 'ready' : 'loading' });
        try {
          set({ connections: await bridge.call('connections.list'), status: 'ready', loadProblem: null });
        } catch (error) {
          set({ status: 'error', loadProblem: problemOf(error) });
        }
      },

      openNewRentManager() {
        set({ notice: null, editor: { kind: 'rentmanager', id: null, phase: 'details', busy: null, draft: { ...EMPTY_RM }, locations: [], failure: null, problem: null, secretSaved: false } });
      },

      openSmartPlus() {
        const existing = get().connections.find((c) => c.kind === 'smartplus' && !c.isSandbox);
        if (existing) return get().openEdit(existing.id);
        set({ notice: null, editor: { kind: 'smartplus', id: null, newAccount: false, busy: null, draft: { label: '', baseUrl: '', username: '' }, problem: null, secretSaved: false } });
      },

      openNewSmartPlus() {
        set({ notice: null, editor: { kind: 'smartplus', id: null, newAccount: true, busy: null, draft: { label: '', baseUrl: '', username: '' }, problem: null, secretSaved: false } });
      },

      openEdit(id) {
        const c = get().connections.find((x) => x.id === id);
        if (!c || c.isSandbox) return;
        const secretSaved = c.status !== 'missing';
        if (c.kind === 'smartplus') {
          set({ notice: null, editor: { kind: 'smartplus', id, newAccount: false, busy: null, draft: { label: c.label, baseUrl: c.baseUrl, username: c.username ?? '' }, problem: null, secretSaved } });
          return;
        }
        const derived = `https://${c.companyCode}.api.rentmanager.com`;
        const draft: RmDraft = {
          label: c.label,
          companyCode: c.companyCode ?? '',
          baseUrl: c.baseUrl === derived ? '' : c.baseUrl,
          authKind: c.authKind === 'partner-token' ? 'partner-token' : 'api-user',
          username: c.username ?? '',
          locationId: c.locationId,
        };
        set({ notice: null, editor: { kind: 'rentmanager', id, phase: 'details', busy: null, draft, locations: [], failure: null, problem: null, secretSaved } });
      },

      closeEditor() {
        set({ editor: null });
      },

      setRmDraft(patch) {
        const editor = get().editor;
        if (editor?.kind !== 'rentmanager') return;
        // A different sign-in method cannot reuse the saved secret.
        const secretSaved = patch.authKind && patch.authKind !== editor.draft.authKind ? false : editor.secretSaved;
        set({ editor: { ...editor, draft: { ...editor.draft, ...patch }, secretSaved, failure: null, problem: null } });
      },

      setSpDraft(patch) {
        const editor = get().editor;
        if (editor?.kind === 'smartplus') set({ editor: { ...editor, draft: { ...editor.draft, ...patch }, problem: null } });
      },

      async signIn(secret) {
        const editor = get().editor;
        if (editor?.kind !== 'rentmanager' || editor.busy) return;
        const blocker = rmDetailsBlocker(editor.draft, secret, editor.secretSaved);
        if (blocker) return patchEditor('rentmanager', { problem: { text: blocker, nextStep: null }, failure: null });
        patchEditor('rentmanager', { busy: 'signing-in', failure: null, problem: null });
        try {
          const result = await bridge.call('connections.listLocations', rmRequest(editor, secret));
          if (!result.ok) return patchEditor('rentmanager', { busy: null, failure: result.failure });
          const current = get().editor;
          const keep = current?.kind === 'rentmanager' ? current.draft.locationId : null;
          const locationId = result.locations.find((l) => l.id === keep)?.id ?? result.locations.find((l) => l.isMain)?.id ?? result.locations[0]?.id ?? null;
          if (current?.kind === 'rentmanager') set({ editor: { ...current, busy: null, phase: 'location', locations: result.locations, draft: { ...current.draft, locationId } } });
        } catch (error) {
          patchEditor('rentmanager', { busy: null, problem: problemOf(error) });
        }
      },

      backToDetails() {
        patchEditor('rentmanager', { phase: 'details', failure: null, problem: null });
      },

      async save(secret) {
        const editor = get().editor;
        if (!editor || editor.busy) return false;
        try {
          let saved: ConnectionListItem;
          if (editor.kind === 'rentmanager') {
            if (editor.phase !== 'location' || editor.draft.locationId === null) {
              patchEditor('rentmanager', { problem: { text: 'Sign in and choose a location first.', nextStep: null } });
              return false;
            }
            patchEditor('rentmanager', { busy: 'saving', problem: null });
            saved = await bridge.call('connections.saveRentManager', { ...rmRequest(editor, secret), label: editor.draft.label.trim(), locationId: editor.draft.locationId });
          } else {
            const d = editor.draft;
            if (editor.newAccount && !d.label.trim()) {
              patchEditor('smartplus', { problem: { text: 'Enter a name for this account, such as its region or company.', nextStep: null } });
              return false;
            }
            if (!/^https?:\/\/\S+$/i.test(d.baseUrl.trim()) || !d.username.trim() || (!secret && !editor.secretSaved)) {
              patchEditor('smartplus', { problem: { text: 'Enter the server address, the user name and the password.', nextStep: null } });
              return false;
            }
            patchEditor('smartplus', { busy: 'saving', problem: null });
            saved = await bridge.call('connections.saveSmartPlus', {
              ...(editor.id ? { id: editor.id } : {}),
              ...(d.label.trim() ? { label: d.label.trim() } : {}),
              ...(editor.newAccount ? { newAccount: true } : {}),
              baseUrl: d.baseUrl.trim(),
              username: d.username.trim(),
              ...(secret ? { password: secret } : {}),
            });
          }
          set({ editor: null, notice: `${saved.label} saved.` });
          await get().load();
          if (editor.kind === 'smartplus') await get().test(saved.id);
          return true;
        } catch (error) {
          const current = get().editor;
          if (current) set({ editor: { ...current, busy: null, problem: problemOf(error) } as Editor });
          return false;
        }
      },

      async test(id) {
        set({ tests: { ...get().tests, [id]: { state: 'testing' } } });
        try {
          const result = await bridge.call('connections.test', { id });
          set({ tests: { ...get().tests, [id]: { state: 'done', result } } });
        } catch (error) {
          const { text, nextStep } = problemOf(error);
          const result: ConnectionTestResult = { ok: false, testedAt: new Date().toISOString(), failure: { code: 'INTERNAL', message: text, nextStep: nextStep ?? 'Try again.' } };
          set({ tests: { ...get().tests, [id]: { state: 'done', result } } });
        }
        await get().load();
      },

      async toggleCommunities(accountId) {
        const { [accountId]: shown, ...others } = get().communities;
        if (shown && shown.state !== 'loading') return set({ communities: others });
        if (shown) return;
        set({ communities: { ...others, [accountId]: { state: 'loading' } } });
        try {
          const list = await bridge.call('connections.listCommunities', { accountId });
          set({ communities: { ...get().communities, [accountId]: { state: 'done', list } } });
        } catch (error) {
          set({ communities: { ...get().communities, [accountId]: { state: 'error', problem: problemOf(error) } } });
        }
      },

      askRemove(id) {
        set({ confirmRemove: id, removeProblem: null });
      },

      async remove(id) {
        const label = get().connections.find((c) => c.id === id)?.label ?? 'The connection';
        try {
          await bridge.call('connections.remove', { id });
          const { [id]: _dropped, ...tests } = get().tests;
          set({ confirmRemove: null, tests, notice: `${label} removed.` });
          await get().load();
        } catch (error) {
          set({ removeProblem: problemOf(error) });
        }
      },
    };
  });
  bridge.on('connections.changed', () => void store.getState().load());
  return store;
}

/** The type of store {@link createConnectionsStore} returns. */
export type ConnectionsStore = ReturnType<typeof createConnectionsStore>;
