import type { SiteSummary } from '../../src-shared/domain/site';
import type { RunRecord } from '../../src-shared/domain/run';
import type { ImportRequest } from '../../src-shared/ipc/contract/sites';
import { isAppError } from '../../src-shared/errors';
import { textTable } from '../sync/report';
import { EXIT, UsageError } from './cli-error';
import type { CliState } from './cli-state';
import { exitCodeOfRun, runLine, worstExit } from './site-run-command';
import { readSiteConfig } from './site-config';
import { defaultFieldChoices } from '../features/sites-service';
import type { FieldChoice, SiteConfig } from '../../src-shared/domain/policy';

/** Output channels of a command. */
export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

/** The SmartPlus account a site syncs to, by id and label (its own, or the default of its side); null when it is gone. */
function accountOf(state: CliState, site: SiteSummary): { id: string; label: string } | null {
  try {
    const account = state.services.ctx.clients.smartPlusAccount(site.connectionId ?? undefined, site.smartPlusAccountId);
    return { id: account.id, label: account.label };
  } catch {
    return null;
  }
}

/**
 * The account the site configuration's `smartPlusAccount` names (a label, case and spaces
 * ignored, or a connection id) among the accounts the customer may sync to; absent: the
 * default one. An unknown name is a usage error listing the known labels.
 */
function configAccount(state: CliState, connectionId: string, named: string | undefined): { id: string; explicit: boolean } | null {
  const db = state.services.ctx.db;
  const sandbox = db.connections.get(connectionId)?.isSandbox === true;
  const accounts = db.connections.list().filter((c) => c.kind === 'smartplus' && c.isSandbox === sandbox);
  if (named === undefined) {
    try {
      return { id: state.services.ctx.clients.smartPlusAccount(connectionId).id, explicit: false };
    } catch {
      return null;
    }
  }
  const key = named.trim().toLowerCase();
  const match = accounts.find((c) => c.id === named) ?? accounts.find((c) => c.label.trim().toLowerCase() === key);
  if (!match) {
    const known = accounts.map((c) => `"${c.label}"`).join(', ') || 'none';
    throw new UsageError(`The site configuration's smartPlusAccount "${named}" is not a SmartPlus account of this customer. SmartPlus accounts: ${known}. Use one of these labels, or add the account in SiteSync under Connections.`);
  }
  return { id: match.id, explicit: true };
}

/** One site as `sites list --json` prints it: named by `id`, with customer, property, policy, last and next run. */
export function siteListItem(state: CliState, site: SiteSummary, nextRunAt: Date | null) {
  const customer = state.services.ctx.db.connections.listCustomers().find((c) => c.id === site.customerId) ?? null;
  return {
    id: site.id,
    name: site.name,
    customer: customer ? { id: customer.id, name: customer.name } : null,
    connectionId: site.connectionId,
    properties: [site.propertyId],
    policy: site.policy,
    /** The SmartPlus account the site syncs to (issue 16); null when it no longer exists. */
    smartPlusAccount: accountOf(state, site),
    lastRun: site.lastRun,
    nextRunAt: nextRunAt?.toISOString() ?? null,
    /** Set while the site is paused (issue 16): scheduled runs and run-due skip it. */
    pause: site.pause ?? null,
  };
}

/**
 * `sites pause --site ID [--reason "..."]` and `sites resume --site ID`: the Overview's Pause and
 * Resume (the same service). A paused site is skipped by the schedule and `run-due`; `sync --site` still runs it.
 */
export function sitesPauseCommand(state: CliState, action: 'pause' | 'resume', args: { site?: string; reason?: string; json?: boolean }, io: CliIo): number {
  if (!args.site) throw new UsageError(`sites ${action} needs --site ID (see "sites list").`);
  if (action === 'resume' && args.reason !== undefined) throw new UsageError('sites resume takes no --reason.');
  const sites = state.services.features.sites;
  try {
    if (action === 'pause') {
      const { name, pause } = sites.pauseSite(args.site, args.reason ?? null);
      if (args.json) io.out(JSON.stringify({ site: { id: args.site, name }, pause }));
      else io.out(`Paused "${name}" (${args.site})${pause.reason ? `: ${pause.reason}` : ''}. Scheduled runs and run-due skip it until "sites resume --site ${args.site}"; "sync --site ${args.site}" still runs it.`);
    } else {
      const { name, resumed } = sites.resumeSite(args.site);
      if (args.json) io.out(JSON.stringify({ site: { id: args.site, name }, resumed }));
      else io.out(resumed ? `Resumed "${name}" (${args.site}): it runs on schedule again.` : `"${name}" (${args.site}) was not paused; nothing changed.`);
    }
    return EXIT.done;
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'BAD_INPUT')) {
      throw new UsageError(error.code === 'NOT_FOUND' ? `No site "${args.site}". Run "sites list" to see the site ids.` : error.message);
    }
    throw error;
  }
}

/** `sites list [--json]`: the app's sites. */
export function sitesListCommand(state: CliState, args: { json?: boolean }, io: CliIo): number {
  const next = new Map(state.services.ctx.scheduler.nextRuns().map((n) => [n.siteId, n.at]));
  const items = state.services.ctx.db.sites.listSummaries().map((s) => siteListItem(state, s, next.get(s.id) ?? null));
  if (args.json) {
    io.out(JSON.stringify(items));
    return EXIT.done;
  }
  if (items.length === 0) {
    io.out('No sites yet. Add one in SiteSync (Get Site from PMS) or with "sites add --site-config FILE".');
    return EXIT.done;
  }
  const when = (iso: string | null | undefined) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');
  io.out(
    textTable(
      ['id', 'site', 'customer', 'SmartPlus account', 'property', 'last run', 'next run'],
      items.map((i) => [
        i.id,
        i.name,
        i.customer?.name ?? '—',
        i.smartPlusAccount?.label ?? '—',
        String(i.properties[0]),
        i.lastRun ? `${when(i.lastRun.startedAt)} ${i.lastRun.outcome}` : 'never',
        i.pause ? `paused since ${when(i.pause.pausedAt)}${i.pause.reason ? ` — ${i.pause.reason}` : ''}` : when(i.nextRunAt),
      ]),
    ),
  );
  return EXIT.done;
}

/** Picks the Rent Manager connection of `--customer` (a customer id, connection id or company code), or the only one. */
function customerConnection(state: CliState, customer: string | undefined): string {
  const options = state.services.ctx.db.connections.list().filter((c) => c.kind === 'rentmanager');
  const customers = state.services.ctx.db.connections.listCustomers();
  if (customer) {
    const byCustomer = customers.find((c) => c.id === customer)?.connectionId;
    const match = byCustomer ?? options.find((c) => c.id === customer || c.companyCode?.toLowerCase() === customer.toLowerCase())?.id;
    if (!match) throw new UsageError(`No customer "${customer}". Customers: ${options.map((o) => `${o.id} (${o.label})`).join(', ') || 'none'}.`);
    return match;
  }
  const real = options.filter((o) => !o.isSandbox);
  if (real.length === 1) return real[0]!.id;
  if (real.length === 0) throw new UsageError('No Rent Manager connection is set up. Add one in SiteSync under Connections, or set the SITESYNC_RM_* and SITESYNC_SP_* variables.');
  throw new UsageError(`Several customers are set up; choose one with --customer: ${real.map((o) => `${o.id} (${o.label})`).join(', ')}.`);
}

/**
 * The file's PIN and RF card fields as the wizard passes them (Rent Manager field IDs), named by
 * ID or by name; a field Rent Manager does not have is a usage error before anything is written.
 * Neither named: nothing, so the import picks them by name as the wizard's defaults do.
 */
async function configFields(state: CliState, connectionId: string, config: SiteConfig): Promise<{ fields?: { pin: number | null; rfCard: number | null } }> {
  if (config.pinField === undefined && config.rfCardField === undefined) return {};
  const tenantFields = (await state.services.features.sites.fields(connectionId)).filter((f) => f.parentType === null || f.parentType.toLowerCase() === 'tenant');
  const defaults = defaultFieldChoices(tenantFields);
  const resolve = (choice: FieldChoice | undefined, fallback: { id: number } | null, key: string): number | null => {
    if (choice === undefined) return fallback?.id ?? null;
    const field = tenantFields.find((f) => (typeof choice === 'number' ? f.id === choice : f.name.toLowerCase() === choice.toLowerCase()));
    if (!field) {
      const names = tenantFields.map((f) => `${f.id} "${f.name}"`).join(', ') || 'none';
      throw new UsageError(`The site configuration's ${key} ${JSON.stringify(choice)} is not a tenant field in Rent Manager. Tenant fields: ${names}.`);
    }
    return field.id;
  };
  return { fields: { pin: resolve(config.pinField, defaults.pin, 'pinField'), rfCard: resolve(config.rfCardField, defaults.rfCard, 'rfCardField') } };
}

/**
 * `sites add --site-config FILE [--customer ID] [--json]`: registers one site per property
 * through the same sites service as the Get Site wizard (same checks, same field picks, same
 * import run, with the file's time zone, grace days and fields from the first run on), and
 * waits for the import runs.
 */
export async function sitesAddCommand(state: CliState, args: { siteConfig?: string; customer?: string; json?: boolean }, io: CliIo): Promise<number> {
  if (!args.siteConfig) throw new UsageError('sites add needs --site-config FILE.');
  const config = readSiteConfig(args.siteConfig);
  const connectionId = customerConnection(state, args.customer);
  const { services } = state;
  const sp = configAccount(state, connectionId, config.smartPlusAccount);
  await state.requireSecrets([connectionId, ...(sp ? [sp.id] : [])]);
  const request: ImportRequest = {
    connectionId,
    ...(sp?.explicit ? { smartPlusAccountId: sp.id } : {}),
    policy: {
      creation: config.creation,
      deletion: config.deletion,
      sameAccessAsMaster: config.sameAccessAsMaster,
      // The file's time zone, grace days and fields hold from the import run on, as the wizard's do.
      timeZone: config.timeZone,
      graceDays: config.graceDays,
      ...(await configFields(state, connectionId, config)),
    },
    properties: config.properties.map((propertyId) => ({ propertyId, units: config.apartments === 'all' ? 'all' : config.apartments.custom })),
  };
  const finished = new Map<string, RunRecord>();
  const waiters = new Map<string, (run: RunRecord) => void>();
  const stop = services.events.on('sync.finished', (run) => {
    finished.set(run.id, run);
    waiters.get(run.id)?.(run);
  });
  let imported: Awaited<ReturnType<typeof services.features.sites.import>>;
  try {
    imported = await services.features.sites.import(request);
  } catch (error) {
    stop();
    if (isAppError(error)) {
      io.err(`sitesync: ${error.message}`);
      return error.code === 'BAD_INPUT' ? EXIT.usage : EXIT.failed;
    }
    throw error;
  }
  const runs = await Promise.all(
    imported.sites.map((s) => finished.get(s.runId) ?? new Promise<RunRecord>((resolve) => waiters.set(s.runId, resolve))),
  );
  stop();
  const next = new Map(services.ctx.scheduler.nextRuns().map((n) => [n.siteId, n.at]));
  const sites = imported.sites.map((s) => services.ctx.db.sites.listSummaries().find((x) => x.id === s.siteId)).filter((s): s is SiteSummary => s !== undefined);
  if (args.json) {
    io.out(JSON.stringify({ sites: sites.map((s) => siteListItem(state, s, next.get(s.id) ?? null)), runs, notStarted: imported.notStarted }));
  } else {
    for (const [i, s] of sites.entries()) io.out(`Added site ${s.id} "${s.name}" (property ${s.propertyId}); import run: ${runLine(runs[i]!)}`);
    for (const n of imported.notStarted) io.err(`Not added: "${n.name}" (property ${n.propertyId}): ${n.reason}`);
  }
  return worstExit([...runs.map(exitCodeOfRun), imported.notStarted.length > 0 ? EXIT.failed : EXIT.done]);
}
