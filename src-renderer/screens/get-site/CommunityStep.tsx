import type { CommunityOption } from '../../../src-shared/ipc/contract/sites';
import { useId } from 'react';
import { Choice } from '../../components/Choice';
import { LoadStatus } from '../../components/LoadStatus';
import type { Loadable } from '../../lib/loadable';
import { useGetSite } from './use-get-site';

const NEW_PLAN = { mode: 'new' as const };
const IDLE: Loadable<CommunityOption[]> = { status: 'idle' };

/** One property: a new community, or a link to a hand-made one and the building that holds its units. */
function PropertyCommunity({ propertyId, name }: { propertyId: number; name: string }) {
  const plan = useGetSite((s) => s.communityPlans[propertyId] ?? NEW_PLAN);
  const communities = useGetSite((s) => s.communities[propertyId] ?? IDLE);
  const setMode = useGetSite((s) => s.setCommunityMode);
  const choose = useGetSite((s) => s.chooseCommunity);
  const chooseBuilding = useGetSite((s) => s.chooseBuilding);
  const reload = useGetSite((s) => s.loadCommunities);
  const communityId = useId();
  const buildingId = useId();
  const likely = communities.value?.find((c) => c.likely);
  const chosen = plan.mode === 'link' ? communities.value?.find((c) => c.id === plan.communityId) : undefined;
  return (
    <fieldset className="gs-choices gs-community">
      <legend>{name}</legend>
      <Choice name={`community-${propertyId}`} label="Create a new community" checked={plan.mode === 'new'} onChange={() => setMode(propertyId, 'new')}>
        SiteSync creates a SmartPlus community named “{name}” with a “Building 1” for its apartments.
      </Choice>
      <Choice name={`community-${propertyId}`} label="Link to an existing community" checked={plan.mode === 'link'} onChange={() => setMode(propertyId, 'link')}>
        The building already has SmartPlus, made by hand: SiteSync links what matches (nothing is re-created or deleted) and shows every link
        for review before writing anything.
      </Choice>
      {plan.mode === 'new' && likely ? (
        <p className="banner banner-info gs-tight" role="status">
          This SmartPlus account already has a hand-made community named “{likely.name}”. Creating a new one puts a second community beside it;
          choose “Link to an existing community” to adopt it instead.
        </p>
      ) : null}
      {plan.mode === 'link' ? (
        <LoadStatus value={communities} loading="Asking SmartPlus for its communities made by hand…" onRetry={() => void reload(propertyId)}>
          {(list) =>
            list.length === 0 ? (
              <p className="banner banner-warn gs-tight" role="alert">
                This SmartPlus account has no community without a Rent Manager link. Create a new community instead.
              </p>
            ) : (
              <div className="gs-community-pick">
                <div className="field">
                  <label htmlFor={communityId}>Community to link</label>
                  <select id={communityId} value={plan.communityId ?? ''} onChange={(e) => choose(propertyId, e.target.value)}>
                    <option value="" disabled>
                      Choose a community…
                    </option>
                    {list.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                        {c.likely ? ' — same name (likely match)' : ''}
                      </option>
                    ))}
                  </select>
                </div>
                {chosen ? (
                  <div className="field">
                    <label htmlFor={buildingId}>Building that holds the units</label>
                    <select id={buildingId} value={plan.mode === 'link' ? (plan.buildingId ?? '') : ''} onChange={(e) => chooseBuilding(propertyId, e.target.value)}>
                      <option value="" disabled>
                        Choose a building…
                      </option>
                      {chosen.buildings.map((b) => (
                        <option key={b.id} value={b.id}>
                          {b.name}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : null}
              </div>
            )
          }
        </LoadStatus>
      ) : null}
    </fieldset>
  );
}

/** "Which SmartPlus account?" — only where the customer's sites can sync to more than one (issue 16). */
function AccountChoice() {
  const accounts = useGetSite((s) => s.accounts);
  const chosen = useGetSite((s) => s.draft.smartPlusAccountId);
  const choose = useGetSite((s) => s.chooseAccount);
  if (accounts.status === 'error') {
    return (
      <p className="banner banner-warn gs-tight" role="status">
        The SmartPlus accounts could not be listed ({accounts.error.text}), so the default account is used. Check Connections, then come back to this step to choose another.
      </p>
    );
  }
  const list = accounts.value ?? [];
  if (list.length < 2) return null;
  return (
    <fieldset className="gs-choices gs-community">
      <legend>Which SmartPlus account?</legend>
      {list.map((a) => (
        <Choice key={a.id} name="smartplus-account" label={a.label} checked={chosen === a.id} onChange={() => choose(a.id)}>
          {a.isSandbox ? 'Sandbox: practice data on this computer. ' : ''}
          {a.isDefault ? 'The default account. ' : ''}
          {a.status === 'configured' ? 'The new communities are made in this account.' : 'Its password is missing or refused: fix it under Connections first.'}
        </Choice>
      ))}
    </fieldset>
  );
}

/** Step 6: per property, a new SmartPlus community or a link to one made by hand (issue 16). */
export function CommunityStep() {
  const ids = useGetSite((s) => s.draft.propertyIds);
  const properties = useGetSite((s) => s.properties.value);
  return (
    <div>
      <p className="muted">
        Each property becomes one SmartPlus community. Where the building already has SmartPlus — apartments, residents and PINs typed in by hand
        — link to that community so nobody gets a second account.
      </p>
      <AccountChoice />
      {ids.map((id) => (
        <PropertyCommunity key={id} propertyId={id} name={properties?.find((p) => p.id === id)?.name ?? `Property ${id}`} />
      ))}
    </div>
  );
}
