import { useEffect, useId } from 'react';
import type { FieldOption } from '../../../src-shared/ipc/contract/sites';
import { EmptyState } from '../../components/EmptyState';
import { useApp, useStores } from '../../stores/stores-context';
import { Choice } from '../../components/Choice';
import { UnitPicker } from '../../components/UnitPicker';
import { fieldLabel } from '../../components/labels';
import { CheckedField, SaveRow, SettingsForm } from './SettingsFields';
import { unitsKey } from '../../stores/settings-store';
import { useSettings } from './use-settings';
import { RemoveSiteButton } from '../../components/RemoveSiteButton';
import { SitePauseControl } from '../../components/SitePauseControl';

type FieldPick = number | string | undefined;

function choiceValue(choice: FieldPick): string {
  return typeof choice === 'number' ? `id:${choice}` : typeof choice === 'string' ? `name:${choice}` : '';
}

function fromValue(value: string): FieldPick {
  if (value.startsWith('id:')) return Number(value.slice(3));
  if (value.startsWith('name:')) return value.slice(5);
  return undefined;
}

/** The field a choice names, by ID or (case-insensitive) name. */
export function findField(fields: readonly FieldOption[], choice: FieldPick): FieldOption | undefined {
  if (typeof choice === 'number') return fields.find((f) => f.id === choice);
  if (typeof choice === 'string') return fields.find((f) => f.name.toLowerCase() === choice.toLowerCase());
  return undefined;
}

const isTenantField = (f: FieldOption) => f.parentType === null || f.parentType.toLowerCase() === 'tenant';
const isType = (f: FieldOption, ...types: string[]) => types.includes(f.fieldType.toLowerCase());

function FieldSelect({ label, hint, choice, options, onChange }: { label: string; hint: string; choice: FieldPick; options: FieldOption[]; onChange: (c: FieldPick) => void }) {
  const id = useId();
  const value = choiceValue(choice);
  const known = options.some((f) => choiceValue(f.id) === value) || value === '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(fromValue(e.target.value))} aria-describedby={`${id}-hint`}>
        <option value="">No field — leave them as they are in SmartPlus</option>
        {known ? null : <option value={value}>{String(choice)} (not found in Rent Manager)</option>}
        {options.map((f) => (
          <option key={f.id} value={choiceValue(f.id)}>
            {fieldLabel(f)}
          </option>
        ))}
      </select>
      <span className="hint" id={`${id}-hint`}>
        {value === '' ? 'With no field chosen, SiteSync neither sets nor removes these in SmartPlus. ' : ''}
        {hint}
      </span>
    </div>
  );
}

function CustomUnits({ connectionId, propertyId, name, picked, onSet }: { connectionId: string | null; propertyId: number; name: string; picked: number[]; onSet: (ids: number[]) => void }) {
  const loaded = useSettings((s) => (connectionId ? s.units[unitsKey(connectionId, propertyId)] : undefined));
  const loadUnits = useSettings((s) => s.loadUnits);
  useEffect(() => {
    if (connectionId) void loadUnits(connectionId, propertyId);
  }, [loadUnits, connectionId, propertyId]);
  if (loaded?.status === 'error') return <p className="error">{loaded.error.text}</p>;
  if (loaded?.status !== 'ready') return <p className="muted" role="status">Loading the units of {name}…</p>;
  const units = loaded.value;
  const toggle = (unitId: number) => onSet(picked.includes(unitId) ? picked.filter((i) => i !== unitId) : [...picked, unitId]);
  return <UnitPicker title={name} units={units} picked={picked} onToggle={toggle} onSet={onSet} />;
}

/** The per-site policy (spec §3–§5): dates, access, apartments, time zone, grace days, PIN and RF card fields. */
export function PolicyCard() {
  const sites = useSettings((s) => s.sites);
  const siteId = useSettings((s) => s.siteId);
  const form = useSettings((s) => s.policy);
  const errors = useSettings((s) => s.policyErrors);
  const notice = useSettings((s) => s.policyNotice);
  const fields = useSettings((s) => s.fields);
  const selectSite = useSettings((s) => s.selectSite);
  const editPolicy = useSettings((s) => s.editPolicy);
  const savePolicy = useSettings((s) => s.savePolicy);
  const navigate = useApp((s) => s.navigate);
  const load = useSettings((s) => s.load);
  const refreshSites = useSettings((s) => s.refreshSites);
  const { overview } = useStores();
  const id = useId();
  if (sites.status !== 'ready') return null;
  if (sites.value.length === 0) {
    return (
      <section className="card st-card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Site policy</h2>
        <EmptyState
          title="No site yet"
          action={
            <button type="button" className="btn btn-primary" onClick={() => navigate({ screen: 'get-site' })}>
              Get Site from PMS
            </button>
          }
        >
          Import a property from Rent Manager first; its policy is then set here.
        </EmptyState>
      </section>
    );
  }
  const site = sites.value.find((s) => s.id === siteId);
  const list = fields.status === 'ready' ? fields.value.filter(isTenantField) : [];
  const pinField = form ? findField(list, form.pinField) : undefined;
  return (
    <SettingsForm id={id} title="Site policy" onSave={savePolicy}>
      <div className="field">
        <label htmlFor={`${id}-site`}>Site</label>
        <select id={`${id}-site`} value={siteId ?? ''} onChange={(e) => void selectSite(e.target.value)}>
          {sites.value.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {site ? (
        <div className="st-site-pause">
          <SitePauseControl
            site={site}
            onPause={(reason) => overview.getState().pauseSite(site.id, reason).then(refreshSites)}
            onResume={() => overview.getState().resumeSite(site.id).then(refreshSites)}
          />
        </div>
      ) : null}
      {form && site ? (
        <>
          <div className="grid-2">
            <fieldset className="gs-choices">
              <legend>Account creation date</legend>
              <Choice name="st-creation" label="Move-In Date" checked={form.creation === 'move-in'} onChange={() => editPolicy({ creation: 'move-in' })}>
                Account from the move-in day.
              </Choice>
              <Choice name="st-creation" label="Lease Start Date" checked={form.creation === 'lease-start'} onChange={() => editPolicy({ creation: 'lease-start' })}>
                Account from the first day of the lease.
              </Choice>
            </fieldset>
            <fieldset className="gs-choices">
              <legend>Account deletion date</legend>
              <Choice name="st-deletion" label="Move-Out Date" checked={form.deletion === 'move-out'} onChange={() => editPolicy({ deletion: 'move-out' })}>
                Access through the move-out day.
              </Choice>
              <Choice name="st-deletion" label="Lease End Date" checked={form.deletion === 'lease-end'} onChange={() => editPolicy({ deletion: 'lease-end' })}>
                Access through the last day of the lease.
              </Choice>
            </fieldset>
            <fieldset className="gs-choices">
              <legend>Family members&apos; access</legend>
              <Choice name="st-access" label="Same as the main account" checked={form.sameAccessAsMaster} onChange={() => editPolicy({ sameAccessAsMaster: true })}>
                The main account&apos;s access groups.
              </Choice>
              <Choice name="st-access" label="Default “24 Hours” group" checked={!form.sameAccessAsMaster} onChange={() => editPolicy({ sameAccessAsMaster: false })}>
                Opens the community&apos;s doors at any time of day.
              </Choice>
            </fieldset>
            <fieldset className="gs-choices">
              <legend>When a scheduled run finds changes</legend>
              <Choice name="st-apply" label="Apply changes automatically" checked={form.applyMode !== 'ask'} onChange={() => editPolicy({ applyMode: 'automatic' })}>
                The daily and light syncs write to SmartPlus straight away.
              </Choice>
              <Choice name="st-apply" label="Ask me before applying" checked={form.applyMode === 'ask'} onChange={() => editPolicy({ applyMode: 'ask' })}>
                They plan and wait: you get a notification and approve or reject the changes on the Overview.
              </Choice>
              {form.applyMode === 'ask' ? (
                <label className="check">
                  <input type="checkbox" checked={form.departuresWithoutAsking ?? true} onChange={(e) => editPolicy({ departuresWithoutAsking: e.target.checked })} /> Delete the accounts of
                  departed tenants without asking (leaving them in is the bigger risk)
                </label>
              ) : null}
            </fieldset>
            <fieldset className="gs-choices">
              <legend>Apartments</legend>
              <Choice name="st-apartments" label="All" checked={form.apartments === 'all'} onChange={() => editPolicy({ apartments: 'all' })}>
                Every unit, including units added later.
              </Choice>
              <Choice
                name="st-apartments"
                label="Custom"
                checked={form.apartments !== 'all'}
                onChange={() => editPolicy({ apartments: { custom: [] } })}
              >
                Only picked units; new units show as “in Rent Manager, not synced”.
              </Choice>
              {errors.apartments ? <span className="error">{errors.apartments}</span> : null}
            </fieldset>
          </div>
          {form.apartments !== 'all' ? (
            <CustomUnits
              connectionId={site.connectionId}
              propertyId={site.propertyId}
              name={site.name}
              picked={form.apartments.custom}
              onSet={(ids) => editPolicy({ apartments: { custom: ids } })}
            />
          ) : null}
          <div className="grid-2">
            <CheckedField
              id={`${id}-tz`}
              label="Site time zone (decides what “today” is)"
              value={form.timeZone}
              error={errors.timeZone}
              zones
              onChange={(timeZone) => editPolicy({ timeZone })}
            />
            <div className="field">
              <label htmlFor={`${id}-grace`}>Grace days</label>
              <input
                id={`${id}-grace`}
                type="number"
                min={0}
                max={60}
                value={form.graceDays}
                aria-invalid={errors.graceDays ? true : undefined}
                aria-describedby={`${id}-grace-hint`}
                onChange={(e) => editPolicy({ graceDays: e.target.value })}
              />
              <span className="hint" id={`${id}-grace-hint`}>
                Access starts this many days before the creation date and ends as many after the deletion date (early move-in, late key
                return). 0 to 60.
              </span>
              {errors.graceDays ? <span className="error">{errors.graceDays}</span> : null}
            </div>
          </div>
          {fields.status === 'error' ? (
            <div className="banner banner-error" role="alert">
              The Rent Manager fields could not be loaded: {fields.error.text} {fields.error.nextStep}
            </div>
          ) : (
            <div className="grid-2">
              <FieldSelect
                label="PIN field (Rent Manager tenant field)"
                hint="A Text field is recommended: Numeric fields drop leading zeros."
                choice={form.pinField}
                options={list.filter((f) => isType(f, 'text', 'numeric'))}
                onChange={(pinField) => editPolicy({ pinField })}
              />
              <FieldSelect
                label="RF card field (Rent Manager tenant field)"
                hint="A Text field holding the card number (hex digits 0-9, A-F)."
                choice={form.rfCardField}
                options={list.filter((f) => isType(f, 'text'))}
                onChange={(rfCardField) => editPolicy({ rfCardField })}
              />
            </div>
          )}
          {pinField?.pinWarning ? (
            <div className="banner banner-warn" role="alert">
              {pinField.pinWarning}
            </div>
          ) : null}
          <SaveRow label={`Save policy of ${site.name}`} notice={notice} />
          <div className="st-remove-site">
            <RemoveSiteButton name={site.name} flagged={false} onRemove={() => overview.getState().removeSite(site.id).then(load)} />
          </div>
        </>
      ) : null}
    </SettingsForm>
  );
}
