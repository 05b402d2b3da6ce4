import type { PlanSummary } from '../../../src-shared/domain/sync-plan';

/** What an import creates, as counts: for a new community everything; for a linked one what comes beside the links. */
export function PlanCounts({ summary, linked = false }: { summary: PlanSummary; linked?: boolean }) {
  const ops = summary.operations;
  const n = (kind: keyof typeof ops) => ops[kind] ?? 0;
  const items: Array<[string, number]> = [
    ...(linked ? [] : [['Communities to create', n('create-community')] as [string, number]]),
    [linked ? 'New apartments beside the linked ones' : 'Apartments to create', n('create-apartment')],
    [linked ? 'New family member accounts' : 'Family member accounts to create', n('create-family-member')],
    ['PINs and RF cards to set', n('set-pin') + n('set-rf-cards')],
    ['Apartments that will need activation', summary.billing.apartmentsToActivate],
    [`Family members over the free allowance (${summary.billing.freeAllowancePerApartment} per apartment)`, summary.billing.familyMembersOverAllowance],
  ];
  return (
    <dl className="gs-counts" aria-label={linked ? 'What the import creates beside the links' : 'What the import creates'}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
