import { createStore } from 'zustand/vanilla';
import { type SyncPolicy, TimeZoneSchema } from '../../src-shared/domain/policy';
import { MAX_REQUESTS_IN_FLIGHT } from '../../src-shared/domain/preferences';
import type { Schedule } from '../../src-shared/domain/schedule';
import type { SiteSummary } from '../../src-shared/domain/site';
import type { ScheduleView, SettingsView } from '../../src-shared/ipc/contract/settings';
import type { FieldOption, UnitOption } from '../../src-shared/ipc/contract/sites';
import { parseTimeOfDay } from '../../src-shared/rules/time-of-day';
import type { Bridge } from '../bridge';
import { errorSentence } from '../lib/error-text';
import { failed, type Loadable, loading, ready } from '../lib/loadable';

/** The schedule form as typed: text fields stay text until saved, so a half-typed value is never lost. */
export interface ScheduleForm {
  time: string;
  zone: string;
  /** '' = off, else minutes as typed. */
  lightSyncMinutes: string;
}

/** A site's policy form as typed (grace days as text). */
export type PolicyForm = Omit<SyncPolicy, 'graceDays' | 'timeZone'> & { graceDays: string; timeZone: string };

/** Field errors of a form, by field name. */
export type FormErrors<K extends string> = Partial<Record<K, string>>;

/** Settings screen state: the schedule, the per-site policy, and the sandbox reset. */
export interface SettingsState {
  view: Loadable<SettingsView>;
  sites: Loadable<SiteSummary[]>;
  schedule: ScheduleForm;
  schedulePreview: ScheduleView | null;
  scheduleErrors: FormErrors<keyof ScheduleForm>;
  scheduleNotice: { kind: 'saved' | 'error'; text: string } | null;
  siteId: string | null;
  policy: PolicyForm | null;
  policyErrors: FormErrors<keyof PolicyForm>;
  policyNotice: { kind: 'saved' | 'error'; text: string } | null;
  fields: Loadable<FieldOption[]>;
  /** Units of a property for the Custom apartments picker, by {@link unitsKey}. */
  units: Record<string, Loadable<UnitOption[]>>;
  resetting: boolean;
  resetNotice: { kind: 'saved' | 'error'; text: string } | null;
  /** "Maximum requests in flight" as typed. */
  inFlight: string;
  inFlightError: string | null;
  inFlightNotice: { kind: 'saved' | 'error'; text: string } | null;
  load(): Promise<void>;
  /** Reads the site list again (a site paused or resumed) and keeps every unsaved edit on screen. */
  refreshSites(): Promise<void>;
  editInFlight(value: string): void;
  saveInFlight(): Promise<void>;
  editSchedule(patch: Partial<ScheduleForm>): void;
  saveSchedule(): Promise<void>;
  selectSite(siteId: string): Promise<void>;
  editPolicy(patch: Partial<PolicyForm>): void;
  savePolicy(): Promise<void>;
  /** Loads a property's units once (the Custom apartments picker of the policy). */
  loadUnits(connectionId: string, propertyId: number): Promise<void>;
  resetSandbox(): Promise<void>;
}

/** The key of a property's units in {@link SettingsState.units}. */
export function unitsKey(connectionId: string, propertyId: number): string {
  return `${connectionId}/${propertyId}`;
}

/** Checks the schedule form; returns the schedule to save, or the errors to show. */
export function validateSchedule(form: ScheduleForm): { schedule: Schedule } | { errors: FormErrors<keyof ScheduleForm> } {
  const errors: FormErrors<keyof ScheduleForm> = {};
  const time = parseTimeOfDay(form.time);
  if (!time.ok) errors.time = time.reason;
  if (!TimeZoneSchema.safeParse(form.zone.trim()).success) errors.zone = 'Unknown time zone. Use a name like America/New_York or UTC.';
  const light = form.lightSyncMinutes.trim();
  const minutes = light === '' ? null : Number(light);
  if (minutes !== null && (!Number.isInteger(minutes) || minutes < 5 || minutes > 1440)) {
    errors.lightSyncMinutes = 'Enter whole minutes from 5 to 1440, or choose Off.';
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { schedule: { time: time.ok ? time.value : form.time, zone: form.zone.trim(), lightSyncMinutes: minutes } };
}

/** Checks "maximum requests in flight" as typed; returns the number, or the error to show. */
export function validateInFlight(value: string): { max: number } | { error: string } {
  const n = value.trim() === '' ? Number.NaN : Number(value);
  const { min, max } = MAX_REQUESTS_IN_FLIGHT;
  if (!Number.isInteger(n) || n < min || n > max) return { error: `Enter a whole number from ${min} to ${max}.` };
  return { max: n };
}

/** Checks the policy form; returns the policy to save, or the errors to show. */
export function validatePolicy(form: PolicyForm): { policy: SyncPolicy } | { errors: FormErrors<keyof PolicyForm> } {
  const errors: FormErrors<keyof PolicyForm> = {};
  if (!TimeZoneSchema.safeParse(form.timeZone.trim()).success) errors.timeZone = 'Unknown time zone. Use a name like America/New_York.';
  const grace = form.graceDays.trim() === '' ? Number.NaN : Number(form.graceDays);
  if (!Number.isInteger(grace) || grace < 0 || grace > 60) errors.graceDays = 'Enter whole days from 0 to 60.';
  if (typeof form.apartments === 'object' && form.apartments.custom.length === 0) errors.apartments = 'Pick at least one apartment, or choose All.';
  if (Object.keys(errors).length > 0) return { errors };
  return { policy: { ...form, timeZone: form.timeZone.trim(), graceDays: grace } };
}

function toScheduleForm(schedule: Schedule): ScheduleForm {
  return { time: schedule.time, zone: schedule.zone, lightSyncMinutes: schedule.lightSyncMinutes === null ? '' : String(schedule.lightSyncMinutes) };
}

function toPolicyForm(policy: SyncPolicy): PolicyForm {
  return { ...policy, graceDays: String(policy.graceDays) };
}

/** Builds the Settings store over a bridge. */
export function createSettingsStore(bridge: Bridge) {
  let previewSeq = 0;
  return createStore<SettingsState>()((set, get) => {
    const previewSchedule = async () => {
      const checked = validateSchedule(get().schedule);
      if (!('schedule' in checked)) return;
      const seq = ++previewSeq;
      try {
        const preview = await bridge.call('settings.previewSchedule', checked.schedule);
        if (seq === previewSeq) set({ schedulePreview: preview });
      } catch {
        // The preview is a convenience; the saved schedule's next run stays shown.
      }
    };

    const loadFields = async (connectionId: string | null) => {
      if (!connectionId) return set({ fields: { status: 'ready', value: [] } });
      set({ fields: { status: 'loading' } });
      try {
        set({ fields: { status: 'ready', value: await bridge.call('sites.listFields', { connectionId }) } });
      } catch (error) {
        set({ fields: failed(error) });
      }
    };

    return {
      view: { status: 'idle' },
      sites: { status: 'idle' },
      schedule: toScheduleForm({ time: '07:00', zone: 'UTC', lightSyncMinutes: null }),
      schedulePreview: null,
      scheduleErrors: {},
      scheduleNotice: null,
      siteId: null,
      policy: null,
      policyErrors: {},
      policyNotice: null,
      fields: { status: 'idle' },
      units: {},
      resetting: false,
      resetNotice: null,
      inFlight: String(MAX_REQUESTS_IN_FLIGHT.default),
      inFlightError: null,
      inFlightNotice: null,
      async load() {
        set({ view: { status: 'loading' }, sites: { status: 'loading' }, units: {} });
        try {
          const view = await bridge.call('settings.get');
          set({ view: { status: 'ready', value: view }, schedule: toScheduleForm(view.schedule), schedulePreview: view, scheduleErrors: {} });
        } catch (error) {
          set({ view: failed(error) });
        }
        try {
          set({ inFlight: String(await bridge.call('settings.getMaxRequestsInFlight')), inFlightError: null });
        } catch {
          // The field keeps the default; saving still works and says if it does not.
        }
        try {
          const sites = await bridge.call('sites.list');
          set({ sites: { status: 'ready', value: sites } });
          const keep = sites.find((s) => s.id === get().siteId) ?? sites[0];
          if (keep) await get().selectSite(keep.id);
        } catch (error) {
          set({ sites: failed(error) });
        }
      },
      async refreshSites() {
        try {
          set({ sites: { status: 'ready', value: await bridge.call('sites.list') } });
        } catch {
          // The list on screen stays as it was; the pause or resume itself has already answered.
        }
      },
      editSchedule(patch) {
        set({ schedule: { ...get().schedule, ...patch }, scheduleNotice: null });
        const checked = validateSchedule(get().schedule);
        set({ scheduleErrors: 'errors' in checked ? checked.errors : {} });
        void previewSchedule();
      },
      async saveSchedule() {
        const checked = validateSchedule(get().schedule);
        if ('errors' in checked) return set({ scheduleErrors: checked.errors, scheduleNotice: null });
        try {
          const saved = await bridge.call('settings.saveSchedule', checked.schedule);
          set({ schedulePreview: saved, scheduleErrors: {}, scheduleNotice: { kind: 'saved', text: 'Schedule saved.' } });
        } catch (error) {
          set({ scheduleNotice: { kind: 'error', text: errorSentence(error) } });
        }
      },
      editInFlight(value) {
        const checked = validateInFlight(value);
        set({ inFlight: value, inFlightError: 'error' in checked ? checked.error : null, inFlightNotice: null });
      },
      async saveInFlight() {
        const checked = validateInFlight(get().inFlight);
        if ('error' in checked) return set({ inFlightError: checked.error, inFlightNotice: null });
        try {
          const saved = await bridge.call('settings.saveMaxRequestsInFlight', checked.max);
          set({ inFlight: String(saved), inFlightError: null, inFlightNotice: { kind: 'saved', text: 'Saved. Syncs use it from their next request.' } });
        } catch (error) {
          set({ inFlightNotice: { kind: 'error', text: errorSentence(error) } });
        }
      },
      async selectSite(siteId) {
        const sites = get().sites;
        const site = sites.status === 'ready' ? sites.value.find((s) => s.id === siteId) : undefined;
        if (!site) return;
        set({ siteId, policy: toPolicyForm(site.policy), policyErrors: {}, policyNotice: null });
        await loadFields(site.connectionId);
      },
      editPolicy(patch) {
        const policy = get().policy;
        if (!policy) return;
        const next = { ...policy, ...patch };
        const checked = validatePolicy(next);
        set({ policy: next, policyErrors: 'errors' in checked ? checked.errors : {}, policyNotice: null });
      },
      async savePolicy() {
        const { policy, siteId } = get();
        if (!policy || !siteId) return;
        const checked = validatePolicy(policy);
        if ('errors' in checked) return set({ policyErrors: checked.errors, policyNotice: null });
        try {
          const saved = await bridge.call('sites.updatePolicy', { siteId, policy: checked.policy });
          const sites = get().sites;
          if (sites.status === 'ready') {
            set({ sites: { status: 'ready', value: sites.value.map((s) => (s.id === siteId ? { ...s, policy: saved } : s)) } });
          }
          set({ policy: toPolicyForm(saved), policyNotice: { kind: 'saved', text: 'Policy saved. The next sync of this site uses it.' } });
        } catch (error) {
          set({ policyNotice: { kind: 'error', text: errorSentence(error) } });
        }
      },
      async loadUnits(connectionId, propertyId) {
        const key = unitsKey(connectionId, propertyId);
        const current = get().units[key];
        if (current?.status === 'ready' || current?.status === 'loading') return;
        const put = (value: Loadable<UnitOption[]>) => set({ units: { ...get().units, [key]: value } });
        put(loading());
        try {
          put(ready(await bridge.call('sites.listUnits', { connectionId, propertyId })));
        } catch (error) {
          put(failed(error));
        }
      },
      async resetSandbox() {
        set({ resetting: true, resetNotice: null });
        try {
          await bridge.call('settings.resetSandbox');
          set({ resetting: false, resetNotice: { kind: 'saved', text: 'The sandbox is back to its demo data; synced sites were forgotten.' } });
          await get().load();
        } catch (error) {
          set({ resetting: false, resetNotice: { kind: 'error', text: errorSentence(error) } });
        }
      },
    };
  });
}

/** The type of store {@link createSettingsStore} returns. */
export type SettingsStore = ReturnType<typeof createSettingsStore>;
