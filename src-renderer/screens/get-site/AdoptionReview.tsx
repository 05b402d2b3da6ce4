import type { AdoptionQuestion, ApartmentLink, CredentialFate, MemberLink, MemberRung } from '../../../src-shared/domain/adoption';
import { questionCandidates, questionKey, type QuestionChoice } from '../../../src-shared/domain/adoption';
import type { AdoptionPreview } from '../../../src-shared/ipc/contract/sites';
import { plural } from '../../../src-shared/text/plural';
import { type Column, DataTable } from '../../components/DataTable';
import { LoadStatus } from '../../components/LoadStatus';
import type { Loadable } from '../../lib/loadable';
import { PlanCounts } from './PlanCounts';
import { useGetSite } from './use-get-site';

/** How a member was matched, in words. */
export const RUNG_LABELS: Record<MemberRung, string> = {
  linked: 'Already linked',
  'name-and-email': 'Name and e-mail',
  'name-and-phone': 'Name and phone',
};

/** What happens to a linked resident's PIN, in words (masked values only). */
export function pinFateText(pin: CredentialFate): string {
  switch (pin.fate) {
    case 'keep':
      return `Kept (${pin.from})`;
    case 'change':
      return `${pin.from} → ${pin.to ?? 'none'}`;
    case 'set':
      return `Set ${pin.to}`;
    case 'none':
      return '—';
  }
}

/** How an apartment was matched, in words. */
const MATCH_LABELS: Record<ApartmentLink['match'], string> = {
  exact: 'Same name',
  normalised: 'Same after tidying (case, spaces, zeros, “Apt”)',
  chosen: 'Your answer below',
};

const IDLE: Loadable<AdoptionPreview> = { status: 'idle' };

function unitNames(preview: AdoptionPreview): Map<number, string> {
  return new Map([...preview.review.apartments.map((a) => [a.unitId, a.unitName] as const), ...preview.review.newUnits.map((u) => [u.unitId, u.unitName] as const)]);
}

const APARTMENT_COLUMNS: Column<ApartmentLink>[] = [
  { header: 'Unit in Rent Manager', cell: (a) => a.unitName },
  { header: 'Hand-made apartment', cell: (a) => a.apartmentName },
  { header: 'Matched', cell: (a) => MATCH_LABELS[a.match] },
];

function memberColumns(preview: AdoptionPreview): Column<MemberLink>[] {
  const units = unitNames(preview);
  return [
    { header: 'Contact', cell: (m) => m.name },
    { header: 'Unit', cell: (m) => units.get(m.unitId) ?? String(m.unitId) },
    { header: 'Hand-made resident', cell: (m) => preview.labels.residents[m.residentId] ?? m.residentId },
    { header: 'Matched by', cell: (m) => RUNG_LABELS[m.rung] },
    { header: 'PIN', className: 'gs-mono', cell: (m) => pinFateText(m.pin) },
  ];
}

/** The options a question offers: each candidate, then keep separate / leave alone where they mean something. */
function questionOptions(q: AdoptionQuestion, preview: AdoptionPreview): { value: QuestionChoice; label: string }[] {
  const { kind, ids } = questionCandidates(q);
  const units = unitNames(preview);
  const label = (id: string) => {
    if (kind === 'apartment') return `apartment “${preview.labels.apartments[id] ?? id}”`;
    if (kind === 'unit') return `unit ${units.get(Number(id)) ?? id}`;
    if (kind === 'resident') return preview.labels.residents[id] ?? id;
    return preview.labels.contacts[`${q.unitId}:${id}`] ?? id;
  };
  const links = ids.map((id) => ({ value: { link: id } as QuestionChoice, label: `Link to ${label(id)}` }));
  if (q.kind === 'apartment-two-units') return [...links, { value: 'separate', label: 'Keep separate — create new apartments for these units' }];
  if (q.kind === 'apartment-two-candidates') return [...links, { value: 'separate', label: 'Keep separate — create a new apartment' }];
  return [
    ...links,
    { value: 'separate', label: 'Keep separate — create a new account from Rent Manager' },
    { value: 'leave', label: 'Leave alone — create nothing for this contact' },
  ];
}

const sameChoice = (a: QuestionChoice | undefined, b: QuestionChoice) =>
  a !== undefined && (typeof a === 'string' || typeof b === 'string' ? a === b : a.link === b.link);

function Question({ propertyId, q, preview, index }: { propertyId: number; q: AdoptionQuestion; preview: AdoptionPreview; index: number }) {
  const key = questionKey(q);
  const chosen = useGetSite((s) => {
    const plan = s.communityPlans[propertyId];
    return plan?.mode === 'link' ? plan.choices[key] : undefined;
  });
  const answer = useGetSite((s) => s.answerQuestion);
  return (
    <fieldset className="gs-choices gs-question">
      <legend>
        {index + 1}. {q.text}
      </legend>
      {questionOptions(q, preview).map((o) => (
        <label key={typeof o.value === 'string' ? o.value : o.value.link} className="gs-choice gs-choice-compact">
          <input type="radio" name={`q-${propertyId}-${index}`} checked={sameChoice(chosen, o.value)} onChange={() => answer(propertyId, key, o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The link review of one property: every apartment and member link, PIN fates (masked), and the questions to answer. */
export function AdoptionReview({ propertyId, name }: { propertyId: number; name: string }) {
  const preview = useGetSite((s) => s.adoptionPreviews[propertyId] ?? IDLE);
  const reload = useGetSite((s) => s.loadAdoptionPreviews);
  return (
    <LoadStatus value={preview} loading="Matching Rent Manager with what was made by hand in SmartPlus (nothing is written)…" onRetry={() => void reload()}>
      {(data) => {
        const { review } = data;
        const kept = review.members.filter((m) => m.pin.fate === 'keep').length;
        const changed = review.members.filter((m) => m.pin.fate === 'change').length;
        return (
          <div className="gs-adoption">
            <p>
              Link to the hand-made community <strong>“{data.communityName}”</strong>: no new community.{' '}
              {plural(review.apartments.length, 'apartment', 'apartments')} and {plural(review.members.filter((m) => m.rung !== 'linked').length, 'resident', 'residents')}{' '}
              get linked; {plural(review.newUnits.length, 'unit gets a new apartment', 'units get new apartments')};{' '}
              {plural(review.untouchedResidents, 'hand-made resident Rent Manager does not know stays', 'hand-made residents Rent Manager does not know stay')} untouched.
              {kept + changed > 0 ? ` PINs: ${kept} kept, ${changed} changed to Rent Manager's.` : ''}
            </p>
            <PlanCounts summary={data.summary} linked />
            {review.questions.length > 0 ? (
              <section aria-labelledby={`questions-${propertyId}`}>
                <h4 id={`questions-${propertyId}`}>{plural(review.questions.length, 'question', 'questions')} for you — SiteSync links none of these by itself</h4>
                {review.questions.map((q, i) => (
                  <Question key={questionKey(q)} propertyId={propertyId} q={q} preview={data} index={i} />
                ))}
              </section>
            ) : null}
            {review.apartments.length > 0 ? (
              <div className="gs-scroll" tabIndex={0} role="region" aria-label={`Apartment links in ${name}`}>
                <DataTable caption={`Apartment links in ${name}`} columns={APARTMENT_COLUMNS} rows={review.apartments} rowKey={(a) => a.unitId} />
              </div>
            ) : null}
            {review.members.length > 0 ? (
              <div className="gs-scroll" tabIndex={0} role="region" aria-label={`Resident links in ${name}`}>
                <DataTable caption={`Resident links in ${name}`} columns={memberColumns(data)} rows={review.members} rowKey={(m) => `${m.unitId}:${m.contactId}`} />
              </div>
            ) : null}
          </div>
        );
      }}
    </LoadStatus>
  );
}
