import { Choice } from '../../components/Choice';
import { useGetSite } from './use-get-site';

/** Step 3: which Rent Manager date creates a family member account. */
export function CreationStep() {
  const creation = useGetSite((s) => s.draft.creation);
  const setPolicy = useGetSite((s) => s.setPolicy);
  return (
    <fieldset className="gs-choices">
      <legend>When should a tenant&apos;s SmartPlus account be created?</legend>
      <Choice name="creation" label="Move-In Date (recommended)" checked={creation === 'move-in'} onChange={() => setPolicy({ creation: 'move-in' })}>
        The account exists from the day the tenant moves in.
      </Choice>
      <Choice name="creation" label="Lease Start Date" checked={creation === 'lease-start'} onChange={() => setPolicy({ creation: 'lease-start' })}>
        The account exists from the first day of the lease.
      </Choice>
      <p className="muted">Tenants with no such date in Rent Manager get no account yet; the review lists them as waiting for a date.</p>
    </fieldset>
  );
}

/** Step 4: which Rent Manager date deletes a family member account. */
export function DeletionStep() {
  const deletion = useGetSite((s) => s.draft.deletion);
  const setPolicy = useGetSite((s) => s.setPolicy);
  return (
    <fieldset className="gs-choices">
      <legend>When should a tenant&apos;s SmartPlus account be deleted?</legend>
      <Choice name="deletion" label="Move-Out Date (recommended)" checked={deletion === 'move-out'} onChange={() => setPolicy({ deletion: 'move-out' })}>
        Access lasts through the move-out day; the first sync after it deletes the account.
      </Choice>
      <Choice name="deletion" label="Lease End Date" checked={deletion === 'lease-end'} onChange={() => setPolicy({ deletion: 'lease-end' })}>
        Access lasts through the last day of the lease; the first sync after it deletes the account.
      </Choice>
    </fieldset>
  );
}

/** Step 5: whether family members get the master account's access groups or the default 24-hour group. */
export function AccessStep() {
  const same = useGetSite((s) => s.draft.sameAccessAsMaster);
  const setPolicy = useGetSite((s) => s.setPolicy);
  return (
    <fieldset className="gs-choices">
      <legend>Should family members open the same doors as the apartment&apos;s main account?</legend>
      <Choice name="access" label="Yes — same access as the main account" checked={same} onChange={() => setPolicy({ sameAccessAsMaster: true })}>
        Family members get the main (master) account&apos;s access groups, so they open exactly the doors it opens.
      </Choice>
      <Choice name="access" label="No — the default “24 Hours” group" checked={!same} onChange={() => setPolicy({ sameAccessAsMaster: false })}>
        Family members get the community&apos;s default access group, “24 Hours”, which opens the community&apos;s doors at any time of day.
      </Choice>
    </fieldset>
  );
}
