import { createStore } from 'zustand/vanilla';
import type { Overview } from '../../src-shared/ipc/contract/overview';
import type { PropertyChanges } from '../../src-shared/ipc/contract/sites';
import type { Bridge } from '../bridge';
import { failed, idle, type Loadable, loading, ready } from '../lib/loadable';

/** The overview's data: loading, loaded (kept while it refreshes, and under a failed refresh) or failed. */
export interface OverviewState {
  overview: Loadable<Overview>;
  /** Loads (or refreshes, keeping what is shown) the sync health of every site. */
  load(): Promise<void>;
  /** Per customer: properties new in the integration, and sites whose property left it (asked of Rent Manager; empty when it cannot be asked). */
  changes: PropertyChanges[];
  loadChanges(): Promise<void>;
  /** Forgets a site in SiteSync (SmartPlus keeps everything); refreshes the overview. Throws what main refused. */
  removeSite(siteId: string): Promise<void>;
  /** "Not now" on a new-properties notice. */
  dismissNew(connectionId: string, propertyIds: number[]): Promise<void>;
  /** Resumes a site's schedule paused after an undo (issue 15), then refreshes. */
  resumeSchedule(siteId: string): Promise<void>;
  /** Pauses a site (issue 16: no scheduled or light runs), then refreshes. Throws what main refused. */
  pauseSite(siteId: string, reason: string | null): Promise<void>;
  /** Resumes a paused site, then refreshes. Throws what main refused. */
  resumeSite(siteId: string): Promise<void>;
  /** Approves (applies) or rejects (drops) the changes an ask-first run waits with, then refreshes. */
  decide(runId: string, approve: boolean): Promise<void>;
  /** The first-run checklist's state read from main (null until read): integration paid, any site with a device. */
  firstRun: { paid: boolean; devices: boolean; unpaidAccounts: string[] } | null;
  /** Reads {@link OverviewState.firstRun} for the given sites (best effort: what cannot be read counts as not done). */
  loadFirstRun(siteIds: string[]): Promise<void>;
}

/** Builds the overview store; it refreshes itself when a run ends, the network changes or the subscription does. */
export function createOverviewStore(bridge: Bridge) {
  let inFlight: Promise<void> | null = null;
  // A load asked for while one is in flight: that one may have read main before the change the
  // caller made or heard of (a policy saved, the network gone), so one more follows it. Callers in
  // the meantime share that one; the newest answer is what stays shown.
  let next: Promise<void> | null = null;
  const store = createStore<OverviewState>()((set, get) => ({
    overview: idle(),
    changes: [],
    firstRun: null,
    async loadFirstRun(siteIds) {
      // Issue 16: each SmartPlus account pays for itself; "pay" ticks once any account is active, and
      // with several accounts the ones not paid are named.
      const accounts = await bridge.call('billing.listAccounts').catch(() => []);
      const active = (input: { accountId?: string }) =>
        bridge
          .call('billing.getStatus', input)
          .then((status) => status.state === 'active')
          .catch(() => false);
      const states = accounts.length > 0 ? await Promise.all(accounts.map(async (a) => ({ label: a.label, active: await active({ accountId: a.id }) }))) : [{ label: '', active: await active({}) }];
      const paid = states.some((s) => s.active);
      const unpaidAccounts = accounts.length > 1 ? states.filter((s) => !s.active).map((s) => s.label) : [];
      let devices = false;
      for (const siteId of siteIds) {
        const list = await bridge.call('devices.list', { siteId, refresh: false }).catch(() => null);
        if (list && list.devices.length > 0) {
          devices = true;
          break;
        }
      }
      set({ firstRun: { paid, devices, unpaidAccounts } });
    },
    async loadChanges() {
      try {
        set({ changes: await bridge.call('sites.listPropertyChanges') });
      } catch {
        // Rent Manager could not be asked: no notice rather than a wrong one.
      }
    },
    async removeSite(siteId) {
      await bridge.call('sites.removeSite', { siteId });
      set({ changes: get().changes.map((c) => ({ ...c, removedSites: c.removedSites.filter((r) => r.siteId !== siteId) })) });
      await get().load();
      void get().loadChanges();
    },
    async dismissNew(connectionId, propertyIds) {
      await bridge.call('sites.dismissNewProperties', { connectionId, propertyIds });
      set({ changes: get().changes.map((c) => (c.connectionId === connectionId ? { ...c, newProperties: c.newProperties.filter((p) => !propertyIds.includes(p.id)) } : c)) });
    },
    load() {
      if (inFlight) {
        next ??= inFlight.then(() => {
          next = null;
          return get().load();
        });
        return next;
      }
      set({ overview: loading(get().overview) });
      inFlight = (async () => {
        try {
          set({ overview: ready(await bridge.call('overview.get')) });
        } catch (error) {
          set({ overview: failed(error, get().overview) });
        } finally {
          inFlight = null;
        }
      })();
      return inFlight;
    },
    async decide(runId, approve) {
      try {
        await (approve ? bridge.call('runs.confirmHeldBack', { runId }) : bridge.call('runs.keepHeldBack', { runId }));
      } catch (error) {
        set({ overview: failed(error, get().overview) });
      }
      await get().load();
    },
    async pauseSite(siteId, reason) {
      await bridge.call('sites.pause', { siteId, reason });
      await get().load();
    },
    async resumeSite(siteId) {
      await bridge.call('sites.resume', { siteId });
      await get().load();
    },
    async resumeSchedule(siteId) {
      try {
        await bridge.call('runs.resumeSchedule', { siteId });
      } catch (error) {
        set({ overview: failed(error, get().overview) });
      }
      await get().load();
    },
  }));
  const refresh = () => {
    if (store.getState().overview.status !== 'idle') void store.getState().load();
  };
  bridge.on('sync.finished', refresh);
  bridge.on('app.onlineChanged', refresh);
  // A payment (or a check) on the Subscription screen changes which sites can be synced.
  bridge.on('billing.statusChanged', refresh);
  return store;
}

/** The type of store {@link createOverviewStore} returns. */
export type OverviewStore = ReturnType<typeof createOverviewStore>;
