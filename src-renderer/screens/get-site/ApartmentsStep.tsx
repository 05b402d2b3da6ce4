import type { Loadable } from '../../lib/loadable';
import type { UnitOption } from '../../../src-shared/ipc/contract/sites';
import { LoadStatus } from '../../components/LoadStatus';
import { Choice } from '../../components/Choice';
import { UnitPicker } from '../../components/UnitPicker';
import { useGetSite } from './use-get-site';

/** Step 6: all apartments, or the installer's pick per property. */
export function ApartmentsStep() {
  const mode = useGetSite((s) => s.draft.apartments);
  const propertyIds = useGetSite((s) => s.draft.propertyIds);
  const properties = useGetSite((s) => s.properties);
  const setPolicy = useGetSite((s) => s.setPolicy);
  const names = new Map(properties.status === 'ready' ? properties.value.map((p) => [p.id, p.name]) : []);
  return (
    <>
      <fieldset className="gs-choices">
        <legend>Which apartments should be synced?</legend>
        <Choice name="apartments" label="All" checked={mode === 'all'} onChange={() => setPolicy({ apartments: 'all' })}>
          Every unit of the chosen properties becomes an apartment — including units added to Rent Manager later, which the next syncs pick up.
        </Choice>
        <Choice name="apartments" label="Custom" checked={mode === 'custom'} onChange={() => setPolicy({ apartments: 'custom' })}>
          Only the units you pick. Units added to Rent Manager later are not synced; they show as “in Rent Manager, not synced” so you can add
          them by hand.
        </Choice>
      </fieldset>
      {mode === 'custom'
        ? propertyIds.map((id) => <PropertyUnits key={id} propertyId={id} name={names.get(id) ?? `Property ${id}`} />)
        : null}
    </>
  );
}

const IDLE: Loadable<UnitOption[]> = { status: 'idle' };
const NONE: number[] = [];

function PropertyUnits({ propertyId, name }: { propertyId: number; name: string }) {
  const units = useGetSite((s) => s.units[propertyId] ?? IDLE);
  const picked = useGetSite((s) => s.draft.customUnits[propertyId] ?? NONE);
  const toggle = useGetSite((s) => s.toggleUnit);
  const setUnits = useGetSite((s) => s.setUnits);
  const load = useGetSite((s) => s.loadUnits);
  return (
    <LoadStatus value={units} loading={`Loading the units of ${name}…`} onRetry={() => void load(propertyId)}>
      {(list) => (
        <UnitPicker title={name} units={list} picked={picked} onToggle={(unitId) => toggle(propertyId, unitId)} onSet={(ids) => setUnits(propertyId, ids)} />
      )}
    </LoadStatus>
  );
}
