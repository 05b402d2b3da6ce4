import { DEFAULT_POLICY, type SiteConfig, type SyncPolicy } from '../../src-shared/domain/policy';
import type { RmField, RmLease } from '../../src-shared/domain/rentmanager';
import type { SitePause, SiteSummary } from '../../src-shared/domain/site';
import { AppError } from '../../src-shared/errors';
import type {
  AdoptionPreview,
  CommunityOption,
  CustomerOption,
  FieldOption,
  FieldSample,
  ImportedSite,
  SiteAccountOption,
  PropertyChanges,
  ImportNotStarted,
  ImportPreview,
  ImportReadiness,
  ImportRequest,
  PropertyOption,
  UnitOption,
} from '../../src-shared/ipc/contract/sites';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { ConnectionClients } from './connection-clients';
import { readIntegrationStatus } from './integration-status';
import { listFieldSamples } from './field-samples';
import { dismissNewProperties, listPropertyChanges, pauseSite, removeSite, resumeSite } from './site-lifecycle';
import { listAdoptableCommunities, previewAdoption } from './site-adoption';
import type { SiteSyncService } from './site-sync-types';
import { rmFilter } from '../rentmanager/filters';
import { normalizeLease, normalizeProperty, normalizeUnit, toField } from '../rentmanager/normalize';
import { pinFieldWarning } from '../rentmanager/read-snapshot';

/** How many problems per property the review lists (the rest are counted, and reported after the run). */
export const PREVIEW_PROBLEM_LIMIT = 200;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The Sites list and the Get Site from PMS wizard (spec §4, §5). */
export interface SitesService {
  /** Every site with its data age and last run (the overview, the Sites list and Settings). */
  list(): SiteSummary[];
  /** The customers the wizard offers: every Rent Manager connection, named after its customer when there is one. */
  customers(): CustomerOption[];
  /** The properties the customer enabled for the integration, with unit counts and any site already made from them. */
  properties(connectionId: string): Promise<PropertyOption[]>;
  /** The units of one property, in natural order, for the Custom apartments picker. */
  units(connectionId: string, propertyId: number): Promise<UnitOption[]>;
  /** The customer's user-defined fields, for the PIN and RF card pickers. */
  fields(connectionId: string): Promise<FieldOption[]>;
  /** The dry-run plan of every chosen property (nothing changes), and whether the import may go ahead. */
  preview(request: ImportRequest): Promise<ImportPreview>;
  /** Creates one site per property and starts its import run. */
  import(request: ImportRequest): Promise<{ sites: ImportedSite[]; notStarted: ImportNotStarted[] }>;
  /** Cancels the import runs of the given sites; returns how many were running. */
  cancelImport(siteIds: readonly string[]): number;
  /** Replaces one site's policy. */
  updatePolicy(siteId: string, policy: SyncPolicy): SyncPolicy;
  /** Forgets a site and its local copy; SmartPlus objects stay (issue 16). */
  removeSite(siteId: string): { name: string };
  /** Pauses a site: scheduled, catch-up and light runs skip it; manual runs still go (issue 16). */
  pauseSite(siteId: string, reason: string | null): { name: string; pause: SitePause };
  /** Resumes a paused site; `resumed` is false when it was not paused. */
  resumeSite(siteId: string): { name: string; resumed: boolean };
  /** New properties enabled in Rent Manager and sites whose property left the integration, per customer. */
  listPropertyChanges(): Promise<PropertyChanges[]>;
  /** Stops announcing these properties as new. */
  dismissNewProperties(connectionId: string, propertyIds: readonly number[]): number;
  /** The tenant fields with counts and masked samples from the chosen properties (the wizard's field step). */
  listFieldSamples(connectionId: string, propertyIds: readonly number[]): Promise<FieldSample[]>;
  /** The hand-made SmartPlus communities a property may be linked to, the likely match first (issue 16). */
  listCommunities(connectionId: string, propertyId: number, smartPlusAccountId?: string): Promise<CommunityOption[]>;
  /** The SmartPlus accounts a customer's new sites may sync to: those of its side, the default first (issue 16). */
  listAccounts(connectionId: string): SiteAccountOption[];
  /** What linking a property to a hand-made community would do (a dry run: nothing is written). */
  previewAdoption(input: Parameters<typeof previewAdoption>[1]): Promise<AdoptionPreview>;
}

/** What {@link createSitesService} needs. */
export interface SitesServiceDeps {
  readonly db: LocalDb;
  readonly log: Logger;
  readonly clients: Pick<ConnectionClients, 'rentManager' | 'smartPlus' | 'smartPlusAccount'>;
  readonly sync: Pick<SiteSyncService, 'preview' | 'runSite' | 'cancel' | 'isRunning'>;
}

/** Builds the sites service. */
export function createSitesService(deps: SitesServiceDeps): SitesService {
  return {
    list: () => listSites(deps),
    customers: () => listCustomers(deps),
    properties: (connectionId) => listProperties(deps, connectionId),
    units: (connectionId, propertyId) => listUnits(deps, connectionId, propertyId),
    fields: (connectionId) => listFields(deps, connectionId),
    preview: (request) => previewImport(deps, request),
    import: (request) => importSites(deps, request),
    cancelImport: (siteIds) => cancelImport(deps, siteIds),
    updatePolicy: (siteId, policy) => updateSitePolicy(deps, siteId, policy),
    removeSite: (siteId) => removeSite(deps, siteId),
    pauseSite: (siteId, reason) => pauseSite(deps, siteId, reason),
    resumeSite: (siteId) => resumeSite(deps, siteId),
    listPropertyChanges: () => listPropertyChanges(deps),
    dismissNewProperties: (connectionId, propertyIds) => {
      dismissNewProperties(deps, connectionId, propertyIds);
      return propertyIds.length;
    },
    listFieldSamples: (connectionId, propertyIds) => listFieldSamples(deps.clients, connectionId, propertyIds),
    listCommunities: (connectionId, propertyId, smartPlusAccountId) => listAdoptableCommunities(deps, connectionId, propertyId, smartPlusAccountId),
    listAccounts: (connectionId) => listAccounts(deps, connectionId),
    previewAdoption: async (input) => {
      const { policy } = await importPolicy(deps, { connectionId: input.connectionId, policy: input.policy, properties: [{ propertyId: input.propertyId, units: input.units }] });
      return previewAdoption(deps, input, { pinField: policy.pinField, rfCardField: policy.rfCardField });
    },
  };
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The SmartPlus accounts of the customer's side (a sandbox customer: the sandbox's only), the default first. */
function listAccounts(deps: SitesServiceDeps, connectionId: string): SiteAccountOption[] {
  const rm = deps.db.connections.get(connectionId);
  if (!rm || rm.kind !== 'rentmanager') throw new AppError('NOT_FOUND', 'This customer no longer exists. Choose another one.');
  const fallback = deps.db.connections.defaultSmartPlus(rm.isSandbox);
  return deps.db.connections
    .list()
    .filter((c) => c.kind === 'smartplus' && c.isSandbox === rm.isSandbox)
    .map((c) => ({ id: c.id, label: c.label, isSandbox: c.isSandbox, isDefault: c.id === fallback?.id, status: c.status }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || byName.compare(a.label, b.label));
}

/** Every site with its data age and last run (the overview, the Sites list and Settings). */
function listSites(deps: SitesServiceDeps): SiteSummary[] {
  return deps.db.sites.listSummaries();
}

/** The customers the wizard offers: every Rent Manager connection, named after its customer when there is one. */
function listCustomers(deps: SitesServiceDeps): CustomerOption[] {
  const customers = deps.db.connections.listCustomers();
  return deps.db.connections
    .list()
    .filter((c) => c.kind === 'rentmanager')
    .map((c) => ({
      connectionId: c.id,
      name: customers.find((cu) => cu.connectionId === c.id)?.name ?? c.label,
      companyCode: c.companyCode,
      locationId: c.locationId,
      isSandbox: c.isSandbox,
      status: c.status,
    }));
}

/**
 * The properties the customer enabled for the integration — exactly what its Rent Manager
 * connection returns from /Properties — with unit counts and any site already made from them.
 */
async function listProperties(deps: SitesServiceDeps, connectionId: string): Promise<PropertyOption[]> {
  const client = await deps.clients.rentManager(connectionId);
  const [properties, units] = await Promise.all([client.properties(), client.units({ fields: ['UnitID', 'PropertyID'] })]);
  const counts = new Map<number, number>();
  for (const unit of units.rows) counts.set(unit.PropertyID, (counts.get(unit.PropertyID) ?? 0) + 1);
  const sites = deps.db.sites.listSummaries().filter((s) => s.connectionId === connectionId);
  return properties.rows
    .map(normalizeProperty)
    .map((p) => ({ id: p.id, name: p.name, address: p.address, unitCount: counts.get(p.id) ?? 0, siteId: sites.find((s) => s.propertyId === p.id)?.id ?? null }))
    .sort((a, b) => byName.compare(a.name, b.name));
}

/** The units of one property, in natural order ("2" before "10"), for the Custom apartments picker. */
async function listUnits(deps: SitesServiceDeps, connectionId: string, propertyId: number): Promise<UnitOption[]> {
  const client = await deps.clients.rentManager(connectionId);
  const [units, occupants] = await Promise.all([
    client.units({ filters: [rmFilter.eq('PropertyID', propertyId)] }),
    // Occupancy is a hint for the picker: units still list when leases cannot be read.
    client.leases({ filters: [rmFilter.eq('PropertyID', propertyId)] }).then(
      (leases) => occupantsByUnit(leases.rows.map((row) => normalizeLease(row, propertyId)), new Date().toISOString().slice(0, 10)),
      () => null,
    ),
  ]);
  return units.rows
    .filter((u) => u.PropertyID === propertyId)
    .map(normalizeUnit)
    .map((u) => ({ id: u.id, name: u.name, ...(occupants ? { occupants: occupants.get(u.id)?.size ?? 0 } : {}) }))
    .sort((a, b) => byName.compare(a.name, b.name));
}

/** The tenants holding a current lease (moved in by today, not moved out before it) per unit. */
export function occupantsByUnit(leases: readonly RmLease[], today: string): Map<number, Set<number>> {
  const byUnit = new Map<number, Set<number>>();
  for (const lease of leases) {
    if (lease.unitId === null) continue;
    if (lease.moveIn !== null && lease.moveIn > today) continue;
    if (lease.moveOut !== null && lease.moveOut < today) continue;
    byUnit.set(lease.unitId, (byUnit.get(lease.unitId) ?? new Set()).add(lease.tenantId));
  }
  return byUnit;
}

/** The customer's user-defined fields, for the PIN and RF card pickers, with the Numeric-PIN warning (spec §15). */
async function listFields(deps: SitesServiceDeps, connectionId: string): Promise<FieldOption[]> {
  const client = await deps.clients.rentManager(connectionId);
  const fields = await client.userDefinedFields();
  return fields.rows
    .map(toField)
    .map((f) => ({ ...f, pinWarning: pinFieldWarning(f) }))
    .sort((a, b) => byName.compare(a.name, b.name));
}

const isTenant = (f: RmField) => f.parentType === null || f.parentType.toLowerCase() === 'tenant';
const isText = (f: RmField) => f.fieldType.toLowerCase() === 'text';

/**
 * The fields an import reads PINs and RF cards from, picked by name: a tenant field named like
 * "PIN" (Text preferred over Numeric, which drops leading zeros) and a Text tenant field named
 * like "RF" or "card". Settings changes them per site.
 */
export function defaultFieldChoices(fields: readonly RmField[]): { pin: RmField | null; rfCard: RmField | null } {
  const tenant = fields.filter(isTenant);
  const pins = tenant.filter((f) => /\bpin\b/i.test(f.name) && (isText(f) || f.fieldType.toLowerCase() === 'numeric'));
  const pin = pins.find(isText) ?? pins[0] ?? null;
  const rfCard = tenant.find((f) => isText(f) && /\brf\b|card/i.test(f.name) && f !== pin) ?? null;
  return { pin, rfCard };
}

/** The field the installer chose by id (null: "No field"); refused when Rent Manager has no such tenant field. */
function pickField(fields: readonly RmField[], id: number | null, what: string): RmField | null {
  if (id === null) return null;
  const field = fields.find((f) => f.id === id && isTenant(f));
  if (!field) throw new AppError('BAD_INPUT', `Rent Manager has no tenant field ${id} for ${what}s (any more); choose the field again.`);
  return field;
}

/** Whether the integration is paid for on the SmartPlus account the customer's sites sync to (spec §7). */
async function importReadiness(deps: SitesServiceDeps, connectionId: string, smartPlusAccountId?: string): Promise<ImportReadiness> {
  try {
    const client = await deps.clients.smartPlus(connectionId, smartPlusAccountId);
    const integration = await readIntegrationStatus(client);
    if (integration.state === 'active') return { active: true, endsAt: integration.endsAt, reason: null };
    const reason =
      integration.state === 'expired'
        ? 'The Integration service has expired on this SmartPlus account. Renew it under Subscription to import and sync sites.'
        : 'The Integration service is not paid for on this SmartPlus account. Pay for it under Subscription to import and sync sites.';
    return { active: false, endsAt: integration.endsAt, reason };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return { active: false, endsAt: null, reason: 'No SmartPlus account is set up. Add it under Connections, then pay for the Integration service.' };
    }
    throw error;
  }
}

/** The shared policy of an import: the wizard's choices, the picked fields, and the defaults for the rest. */
async function importPolicy(deps: SitesServiceDeps, request: ImportRequest): Promise<{ policy: SyncPolicy; fields: { pin: RmField | null; rfCard: RmField | null } }> {
  const client = await deps.clients.rentManager(request.connectionId);
  const all = (await client.userDefinedFields()).rows.map(toField);
  const { fields: chosen, ...rest } = request.policy;
  // The installer's choice when the wizard asked (null: "No field"); by name only for older callers.
  const fields = chosen
    ? { pin: pickField(all, chosen.pin, 'PIN'), rfCard: pickField(all, chosen.rfCard, 'RF card') }
    : defaultFieldChoices(all);
  const policy: SyncPolicy = {
    ...DEFAULT_POLICY,
    ...rest,
    ...(fields.pin ? { pinField: fields.pin.id } : {}),
    ...(fields.rfCard ? { rfCardField: fields.rfCard.id } : {}),
  };
  return { policy, fields };
}

/** The dry-run plan of every chosen property (nothing changes), and whether the import may go ahead. */
async function previewImport(deps: SitesServiceDeps, request: ImportRequest): Promise<ImportPreview> {
  const { policy, fields } = await importPolicy(deps, request);
  const integration = await importReadiness(deps, request.connectionId, request.smartPlusAccountId);
  // One batched read for every chosen property (issue 13: 5,000 properties took minutes read one by one).
  const config: SiteConfig = { ...policy, properties: request.properties.map((p) => p.propertyId) };
  const apartments = new Map(request.properties.map((p) => [p.propertyId, p.units === 'all' ? ('all' as const) : { custom: p.units }]));
  const preview = await deps.sync.preview(request.connectionId, config, apartments, request.smartPlusAccountId);
  const plans: ImportPreview['plans'] = preview.plans.map((p) => {
    const listed = p.plan.problems.filter((x) => x.kind !== 'unit-not-synced').sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
    return {
      propertyId: p.propertyId,
      propertyName: p.propertyName,
      summary: p.plan.summary,
      problems: listed.slice(0, PREVIEW_PROBLEM_LIMIT),
      moreProblems: Math.max(0, listed.length - PREVIEW_PROBLEM_LIMIT),
      unitsNotSynced: p.plan.problems.length - listed.length,
    };
  });
  return { plans, integration, fields: { pin: fields.pin?.name ?? null, rfCard: fields.rfCard?.name ?? null } };
}

/**
 * Creates one site per property with the shared policy and starts its import run. Refused as a
 * whole (nothing created) when the integration is not paid for or a property is already a site.
 * A site whose run cannot start is removed again (and listed in `notStarted`), so a retry starts clean.
 */
async function importSites(deps: SitesServiceDeps, request: ImportRequest): Promise<{ sites: ImportedSite[]; notStarted: ImportNotStarted[] }> {
  // The account is resolved once and kept on the site, so adding accounts later never moves it.
  const account = deps.clients.smartPlusAccount(request.connectionId, request.smartPlusAccountId);
  const readiness = await importReadiness(deps, request.connectionId, account.id);
  if (!readiness.active) throw new AppError('SUBSCRIPTION_REQUIRED', readiness.reason ?? 'The Integration service is not paid for.');
  const options = await listProperties(deps, request.connectionId);
  const chosen = request.properties.map((p) => {
    const option = options.find((o) => o.id === p.propertyId);
    if (!option) throw new AppError('BAD_INPUT', `Property ${p.propertyId} is not enabled for the integration in Rent Manager (any more).`);
    if (option.siteId) throw new AppError('BAD_INPUT', `"${option.name}" is already a site; change its policy in Settings instead.`);
    return { ...p, name: option.name };
  });
  const { policy } = await importPolicy(deps, request);
  const customerId = deps.db.connections.listCustomers().find((c) => c.connectionId === request.connectionId)?.id ?? null;
  const imported: ImportedSite[] = [];
  const notStarted: ImportNotStarted[] = [];
  let firstError: unknown = null;
  for (const property of chosen) {
    const site = deps.db.sites.create({
      name: property.name,
      customerId,
      connectionId: request.connectionId,
      propertyId: property.propertyId,
      smartPlusAccountId: account.id,
      policy: { ...policy, apartments: property.units === 'all' ? 'all' : { custom: property.units } },
    });
    if (property.adopt) {
      // "Link to an existing community": the import run links it (PATCH externalRef) instead of creating one.
      deps.db.sites.setCommunity(site.id, property.adopt.communityId);
      deps.db.sites.setAdoption(site.id, property.adopt);
    }
    try {
      const run = await deps.sync.runSite({ siteId: site.id, trigger: 'import' });
      imported.push({ siteId: site.id, propertyId: property.propertyId, name: site.name, runId: run.runId });
    } catch (error) {
      deps.db.sites.delete(site.id);
      firstError ??= error;
      notStarted.push({ propertyId: property.propertyId, name: property.name, reason: error instanceof Error ? error.message : String(error) });
      deps.log.warn('import run could not start; site removed', { propertyId: property.propertyId, error });
    }
  }
  if (imported.length === 0 && firstError) throw firstError;
  return { sites: imported, notStarted };
}

/** Cancels the import runs of the given sites; returns how many were running. */
function cancelImport(deps: SitesServiceDeps, siteIds: readonly string[]): number {
  return siteIds.filter((id) => deps.sync.cancel(id)).length;
}

/** Replaces one site's policy (validated by the repository; missing fields take their defaults). */
function updateSitePolicy(deps: SitesServiceDeps, siteId: string, policy: SyncPolicy): SyncPolicy {
  if (!deps.db.sites.get(siteId)) throw new AppError('NOT_FOUND', 'This site no longer exists.');
  return deps.db.sites.updatePolicy(siteId, policy);
}
