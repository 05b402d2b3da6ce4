import { NO_DECISIONS } from '../../src-shared/domain/adoption';
import { DEFAULT_POLICY, type SiteConfig, type SyncPolicy } from '../../src-shared/domain/policy';
import { AppError } from '../../src-shared/errors';
import { maskPin } from '../../src-shared/rules/pin';
import type { AdoptionPreview, CommunityOption, WizardPolicy } from '../../src-shared/ipc/contract/sites';
import { normalizeProperty } from '../rentmanager/normalize';
import { smartPlusAdoptionPort } from '../sync/adapters/smartplus-port';
import { rentManagerPort } from '../sync/adapters/rentmanager-port';
import { adoptProperty, AdoptionChoiceError, wantedFromPlan } from '../sync/adopt/adopt';
import { linkedView } from '../sync/adopt/linked-view';
import { normalisePersonName } from '../sync/adopt/normalise';
import { plan as makePlan } from '../sync/plan';
import { todayInZone } from '../sync/today';
import type { ConnectionClients } from './connection-clients';

/** What the adoption calls of the wizard need: the two clients of the customer's connection. */
export interface SiteAdoptionDeps {
  readonly clients: Pick<ConnectionClients, 'rentManager' | 'smartPlus'>;
  readonly now?: () => Date;
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The SmartPlus communities a property may be linked to ("Link to an existing community",
 * issue 16): those without a reference, the ones named like the property first, each with its
 * buildings (for "the building that holds the units").
 */
export async function listAdoptableCommunities(deps: SiteAdoptionDeps, connectionId: string, propertyId: number, smartPlusAccountId?: string): Promise<CommunityOption[]> {
  const [rm, sp] = await Promise.all([deps.clients.rentManager(connectionId), deps.clients.smartPlus(connectionId, smartPlusAccountId)]);
  const property = (await rm.properties()).rows.map(normalizeProperty).find((p) => p.id === propertyId);
  if (!property) throw new AppError('NOT_FOUND', `Property ${propertyId} is not enabled for the integration in Rent Manager (any more).`);
  const wanted = normalisePersonName(property.name, '');
  const handMade = (await smartPlusAdoptionPort(sp).listCommunities()).filter((c) => c.externalRef === null);
  const options = await Promise.all(
    handMade.map(async (c) => ({
      id: c.id,
      name: c.name,
      likely: normalisePersonName(c.name, '') === wanted,
      buildings: (await sp.buildings(c.id)).map((b) => ({ id: b.id, name: b.name })),
    })),
  );
  return options.sort((a, b) => Number(b.likely) - Number(a.likely) || byName.compare(a.name, b.name));
}

/**
 * What linking one property to a hand-made community would do — apartment links, member links
 * with their rung and PIN fate (masked), questions — computed like the import run's adoption
 * (the plan as if SmartPlus had nothing), as a dry run: nothing is written.
 */
export async function previewAdoption(
  deps: SiteAdoptionDeps,
  input: {
    connectionId: string; smartPlusAccountId?: string | undefined; policy: WizardPolicy; propertyId: number; units: 'all' | number[]; communityId: string; buildingId: string;
    /** The installer's answers to apartment questions so far: matched as chosen, so their residents are matched too. */
    apartmentLinks?: readonly { unitId: number; apartmentId: string }[];
  },
  /** The PIN and RF card fields the import will read (the same as its run's), so PIN fates are Rent Manager's. */
  fields: Pick<SyncPolicy, 'pinField' | 'rfCardField'>,
): Promise<AdoptionPreview> {
  const [rmClient, spClient] = await Promise.all([deps.clients.rentManager(input.connectionId), deps.clients.smartPlus(input.connectionId, input.smartPlusAccountId)]);
  const { fields: _byId, ...policy } = input.policy;
  const config: SiteConfig = {
    ...DEFAULT_POLICY,
    ...policy,
    ...fields,
    apartments: input.units === 'all' ? 'all' : { custom: input.units },
    properties: [input.propertyId],
  };
  const rm = await rentManagerPort(rmClient).readSnapshot([input.propertyId], config);
  const property = rm.properties.find((p) => p.id === input.propertyId);
  if (!property) throw new AppError('NOT_FOUND', `Property ${input.propertyId} could not be read from Rent Manager.`);
  const today = todayInZone((deps.now ?? (() => new Date()))(), config.timeZone);
  const fresh = makePlan(rm, { readAt: rm.readAt, communities: [] }, config, today);
  const wanted = wantedFromPlan(fresh, input.propertyId, rm.pinField !== null);
  const port = smartPlusAdoptionPort(spClient);
  let adoption;
  try {
    adoption = await adoptProperty({
      port, origin: rm.origin, propertyId: input.propertyId, propertyName: property.name, wanted,
      choice: { community: input.communityId, building: input.buildingId }, dryRun: true,
      decisions: { ...NO_DECISIONS, apartmentLinks: [...(input.apartmentLinks ?? [])] },
    });
  } catch (error) {
    if (error instanceof AdoptionChoiceError) throw new AppError('BAD_INPUT', error.message);
    throw error;
  }
  const state = await port.readCommunity(adoption.communityId);
  // What the import still creates once the links are made (new apartments, accounts, PINs).
  const afterLinks = makePlan(rm, { readAt: rm.readAt, communities: [linkedView(state, adoption, rm.origin)] }, config, today);
  const apartmentName = new Map(state.apartments.map((a) => [a.id, a.name]));
  const residents = Object.fromEntries(
    state.residents
      .filter((r) => r.role === 'family')
      // Two hand-made residents may share name and e-mail: the PIN (masked) and the SmartPlus id tell them apart.
      .map((r) => [r.id, [`${r.firstName} ${r.lastName}`.trim(), r.email, `apartment ${apartmentName.get(r.apartmentId) ?? '?'}`, r.pin ? `PIN ${maskPin(r.pin)}` : 'no PIN', `SmartPlus id ${r.id}`].filter(Boolean).join(' · ')]),
  );
  const contacts = Object.fromEntries(
    wanted.contacts.map((c) => [`${c.unitId}:${c.contactId}`, [`${c.firstName} ${c.lastName}`.trim(), c.email].filter(Boolean).join(' · ')]),
  );
  return {
    propertyId: input.propertyId,
    communityId: adoption.communityId,
    communityName: adoption.communityName,
    buildingId: adoption.buildingId,
    review: adoption.review,
    summary: afterLinks.summary,
    labels: { residents, apartments: Object.fromEntries(apartmentName), contacts },
  };
}
