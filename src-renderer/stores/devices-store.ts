import { createStore } from 'zustand/vanilla';
import type { DeviceDraft, DeviceRow, OutboxItem } from '../../src-shared/domain/device';
import type { SiteSummary } from '../../src-shared/domain/site';
import type { DeviceLocation } from '../../src-shared/domain/smartplus';
import type { SandboxHints } from '../../src-shared/ipc/contract/app';
import type { DeviceList } from '../../src-shared/ipc/contract/devices';
import type { Bridge } from '../bridge';
import { describeError } from '../lib/error-text';
import { failed, type Loadable, loadInto } from '../lib/loadable';
import { deviceErrorText } from './device-errors';

/** The outcome of the last add, edit or removal, shown next to the form or list. */
export type DeviceNotice = { kind: 'ok' | 'queued' | 'error'; text: string };

/** The devices screen's state (spec §10). */
export interface DevicesState {
  sites: Loadable<SiteSummary[]>;
  siteId: string | null;
  list: Loadable<DeviceList>;
  notice: DeviceNotice | null;
  busy: boolean;
  loadSites(): Promise<void>;
  /** Shows a site's devices (live from SmartPlus when online, else the last known). */
  selectSite(siteId: string): Promise<void>;
  refresh(): Promise<void>;
  /** Adds a device; resolves true when it was added or queued (the form then clears). */
  add(draft: DeviceDraft): Promise<boolean>;
  update(deviceId: string, patch: { name?: string; location?: DeviceLocation }): Promise<boolean>;
  remove(device: DeviceRow): Promise<boolean>;
  retry(id: number): Promise<void>;
  discard(id: number): Promise<void>;
  clearNotice(): void;
  /** Synced apartments of the current site matching `text` (the location picker; from the local copy). */
  searchApartments(text: string): Promise<{ id: string; name: string; residentNames: string }[]>;
  /** The sandbox's test values for the site they were asked for (issue 16: null where the site uses a real SmartPlus account). */
  siteHints: { siteId: string; hints: SandboxHints } | null;
  /** Asks main whether the current site uses the sandbox's account, and its test MACs if so (call only in the sandbox). */
  loadSiteHints(): Promise<void>;
}

/** Builds the devices store; outbox changes from main update the list as they happen. */
export function createDevicesStore(bridge: Bridge) {
  const store = createStore<DevicesState>()((set, get) => {
    const errorNotice = (error: unknown): DeviceNotice => ({ kind: 'error', text: deviceErrorText(describeError(error)) });
    const load = async (siteId: string, refresh: boolean) => {
      try {
        const list = await bridge.call('devices.list', { siteId, refresh });
        if (get().siteId === siteId) set({ list: { status: 'ready', value: list } });
      } catch (error) {
        if (get().siteId === siteId) set({ list: failed(error) });
      }
    };
    /** One change to the current site's devices: busy while it runs, its notice (or the error's) after, the list reloaded on success; true when it worked. */
    const change = async (work: (siteId: string) => Promise<DeviceNotice>): Promise<boolean> => {
      const siteId = get().siteId;
      if (!siteId) return false;
      set({ busy: true, notice: null });
      try {
        set({ notice: await work(siteId) });
        await load(siteId, false);
        return true;
      } catch (error) {
        set({ notice: errorNotice(error) });
        return false;
      } finally {
        set({ busy: false });
      }
    };
    /** One decision on a queued addition: a failure becomes the notice, and the list is reloaded either way. */
    const settleOutbox = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        set({ notice: errorNotice(error) });
      }
      const siteId = get().siteId;
      if (siteId) await load(siteId, false);
    };
    return {
      sites: { status: 'idle' },
      siteId: null,
      list: { status: 'idle' },
      notice: null,
      busy: false,
      siteHints: null,
      async loadSiteHints() {
        const siteId = get().siteId;
        if (!siteId) return;
        const hints = await bridge.call('app.getSandboxHints', { siteId }).catch(() => null);
        if (get().siteId === siteId) set({ siteHints: { siteId, hints } });
      },
      async loadSites() {
        await loadInto(get().sites, (sites) => set({ sites }), () => bridge.call('sites.list'));
      },
      async selectSite(siteId) {
        if (get().siteId !== siteId) set({ siteId, list: { status: 'loading' }, notice: null });
        await load(siteId, true);
      },
      async refresh() {
        const siteId = get().siteId;
        if (siteId) await load(siteId, true);
      },
      async add(draft) {
        return change(async (siteId) => {
          const result = await bridge.call('devices.add', { siteId, device: draft });
          return result.outcome === 'added'
            ? { kind: 'ok', text: `${result.device.name} was added to SmartPlus.` }
            : { kind: 'queued', text: `${draft.name} is queued — it will be sent when back online.` };
        });
      },
      async update(deviceId, patch) {
        return change(async (siteId) => {
          const device = await bridge.call('devices.update', { siteId, deviceId, patch });
          return { kind: 'ok', text: `${device.name} was saved.` };
        });
      },
      async remove(device) {
        return change(async (siteId) => {
          await bridge.call('devices.remove', { siteId, deviceId: device.id });
          return { kind: 'ok', text: `${device.name} was removed.` };
        });
      },
      async retry(id) {
        await settleOutbox(() => bridge.call('devices.retry', { id }));
      },
      async discard(id) {
        await settleOutbox(() => bridge.call('devices.discard', { id }));
      },
      clearNotice() {
        set({ notice: null });
      },
      async searchApartments(text) {
        const siteId = get().siteId;
        if (!siteId) return [];
        const page = await bridge.call('apartments.list', { siteId, search: text, filter: 'all', page: 0, pageSize: 20 });
        return page.rows.filter((r) => r.synced).map((r) => ({ id: r.id, name: r.name, residentNames: r.residentNames }));
      },
    };
  });

  bridge.on('devices.outboxChanged', (item) => {
    const state = store.getState();
    if (state.list.status !== 'ready' || item.siteId !== state.siteId) return;
    const outbox = upsertItem(state.list.value.outbox, item);
    store.setState({ list: { status: 'ready', value: { ...state.list.value, outbox } } });
    // A sent item is a device now: reload the local list so it shows among the devices.
    if (item.status === 'sent') void state.refresh();
  });
  bridge.on('app.onlineChanged', ({ online }) => {
    if (online) void store.getState().refresh();
  });
  return store;
}

function upsertItem(items: readonly OutboxItem[], item: OutboxItem): OutboxItem[] {
  const at = items.findIndex((i) => i.id === item.id);
  if (at === -1) return [...items, item].sort((a, b) => a.id - b.id);
  return items.map((i) => (i.id === item.id ? item : i));
}

/** The type of store {@link createDevicesStore} returns. */
export type DevicesStore = ReturnType<typeof createDevicesStore>;
