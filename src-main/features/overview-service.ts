import type { SiteSummary, SubscriptionState } from '../../src-shared/domain/site';
import type { Overview, OverviewCustomer, OverviewSite, SiteAccountRef } from '../../src-shared/ipc/contract/overview';
import { AppError, isAppError } from '../../src-shared/errors';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { PreferencesStore } from '../services/preferences';
import type { ConnectionClients } from './connection-clients';
import { readIntegrationStatus } from './integration-status';
import type { SiteSyncService } from './site-sync-types';
import { nextRun } from '../scheduler/next-run';
import { removalsDue } from '../sync/removals-due';
import { todayInZone } from '../sync/today';

/** How long the overview waits for SmartPlus to say whether the subscription is active before showing the last seen state. */
const SUBSCRIPTION_CHECK_MS = 4000;

/** Options of {@link createOverviewService}. */
export interface OverviewServiceOptions {
  /** How long to wait for the subscription check (tests shorten it). */
  subscriptionCheckMs?: number;
}

/** The overview's data (spec §6, §11); its buttons' resyncs are resync-service.ts's. */
export interface OverviewService {
  /** Every customer and site with its sync health; the subscription is checked with SmartPlus when online. */
  get(): Promise<Overview>;
}

/** What {@link createOverviewService} needs. */
export interface OverviewServiceDeps {
  readonly db: LocalDb;
  readonly log: Logger;
  readonly now: () => Date;
  readonly clients: Pick<ConnectionClients, 'smartPlus' | 'smartPlusAccount'>;
  readonly preferences: Pick<PreferencesStore, 'get'>;
  readonly sync: Pick<SiteSyncService, 'running'>;
  isOnline(): boolean;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AppError('SP_UNAVAILABLE', 'SmartPlus did not answer in time.', { retryable: true })), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Builds the overview service. */
export function createOverviewService(deps: OverviewServiceDeps, options: OverviewServiceOptions = {}): OverviewService {
  const log = deps.log.child('overview');
  const checkMs = options.subscriptionCheckMs ?? SUBSCRIPTION_CHECK_MS;

  /** Asks SmartPlus for the integration subscription of each site's account (sandbox and real accounts differ); true when every ask answered. */
  const checkSubscriptions = async (sites: { id: string; connectionId: string | null; smartPlusAccountId: string | null }[]): Promise<boolean> => {
    if (!deps.isOnline() || sites.length === 0) return false;
    const byConnection = new Map<string, Promise<{ state: SubscriptionState; endsAt: string | null }>>();
    let allAnswered = true;
    for (const site of sites) {
      if (!site.connectionId) continue;
      const connectionId = site.connectionId;
      const key = `${connectionId}|${site.smartPlusAccountId ?? ''}`;
      if (!byConnection.has(key)) {
        byConnection.set(
          key,
          withTimeout(
            (async () => {
              const client = await deps.clients.smartPlus(connectionId, site.smartPlusAccountId);
              const { state, endsAt } = await readIntegrationStatus(client);
              return { state, endsAt };
            })(),
            checkMs,
          ),
        );
      }
      try {
        const found = await byConnection.get(key)!;
        deps.db.sites.setSubscription(site.id, found.state, found.endsAt);
      } catch (error) {
        allAnswered = false;
        log.info('subscription check failed; showing the last seen state', { siteId: site.id, code: isAppError(error) ? error.code : 'unknown' });
      }
    }
    return allAnswered;
  };

  /** The newest run of the site whose held-back deletions still wait for a decision. */
  const awaitingDecision = async (siteId: string): Promise<OverviewSite['heldBack']> => {
    const runs = await deps.db.runs.listRuns(siteId);
    for (const run of runs) {
      if (run.dryRun || run.heldBackCount === 0) continue;
      const held = await deps.db.runs.listHeldBack(run.id);
      if (held.length > 0) return { runId: run.id, count: held.length, ...(held.some((h) => h.approval) ? { approval: true } : {}) };
    }
    return null;
  };

  /** The account a site syncs to, as screens name it; null when it is gone (the site's sync then says how to fix it). */
  const accountOf = (site: { connectionId: string | null; smartPlusAccountId: string | null }): SiteAccountRef | null => {
    try {
      const account = deps.clients.smartPlusAccount(site.connectionId ?? undefined, site.smartPlusAccountId);
      return { id: account.id, label: account.label, isSandbox: account.isSandbox };
    } catch {
      return null;
    }
  };

  /** What a paused site's next full run would remove, from the local copy (rule 2: say it, prominently). */
  const dueWhilePaused = (site: SiteSummary, now: Date): OverviewSite['removalsDue'] => {
    const due = removalsDue(deps.db.siteState.syncedMembers(site.id), site.policy, todayInZone(now, site.policy.timeZone));
    return due.count > 0 ? { count: due.count, since: due.since, deletion: site.policy.deletion } : null;
  };

  const service: OverviewService = {
    async get() {
      const before = deps.db.sites.listSummaries();
      const subscriptionChecked = await checkSubscriptions(before);
      const summaries = subscriptionChecked ? deps.db.sites.listSummaries() : before;
      const schedule = deps.preferences.get().schedule;
      const now = deps.now();
      const sites: (OverviewSite & { customerId: string | null })[] = [];
      for (const s of summaries) {
        const last = s.lastRun ? await deps.db.runs.getRun(s.lastRun.id) : null;
        const lastCompleted = deps.db.runs.lastCompletedRunAt(s.id);
        const schedulePaused = deps.db.sites.schedulePausedAt(s.id) !== null;
        sites.push({
          id: s.id,
          customerId: s.customerId,
          name: s.name,
          propertyId: s.propertyId,
          apartmentCount: s.apartmentCount,
          asOf: s.asOf,
          lastRun: last
            ? { id: last.id, trigger: last.trigger, outcome: last.outcome, startedAt: last.startedAt, endedAt: last.endedAt, problemCount: last.problemCount, ...(last.errorCount ? { errorCount: last.errorCount } : {}), ...(last.awaitingApproval ? { awaitingApproval: true } : {}) }
            : null,
          heldBack: await awaitingDecision(s.id),
          subscription: s.subscription,
          subscriptionEndsAt: s.subscriptionEndsAt,
          nextRunAt: nextRun(schedule, lastCompleted ? new Date(lastCompleted) : null, now).toISOString(),
          schedulePaused,
          pause: s.pause ?? null,
          smartPlusAccount: accountOf(s),
          removalsDue: s.pause || schedulePaused ? dueWhilePaused(s, now) : null,
        });
      }
      const customers: OverviewCustomer[] = deps.db.connections.listCustomers().map((c) => ({ id: c.id, name: c.name, isSandbox: c.isSandbox, sites: [] }));
      const byId = new Map(customers.map((c) => [c.id, c]));
      let orphans: OverviewCustomer | null = null;
      for (const { customerId, ...site } of sites) {
        let customer = customerId ? byId.get(customerId) : undefined;
        if (!customer) {
          orphans ??= { id: null, name: 'Sites without a customer', isSandbox: false, sites: [] };
          customer = orphans;
        }
        customer.sites.push(site);
      }
      if (orphans) customers.push(orphans);
      return { customers, schedule, online: deps.isOnline(), subscriptionChecked, running: deps.sync.running() };
    },
  };
  return service;
}
