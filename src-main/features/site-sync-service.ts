import { randomUUID } from 'node:crypto';
import { propertyRef, refKey } from '../../src-shared/domain/external-ref';
import type { SiteConfig } from '../../src-shared/domain/policy';
import type { RentManagerSnapshot } from '../../src-shared/domain/rentmanager';
import type { RunProgress, RunRecord } from '../../src-shared/domain/run';
import type { Site } from '../../src-shared/domain/site';
import { AppError } from '../../src-shared/errors';
import type { ConnectionClients } from './connection-clients';
import type { LocalDb } from '../db/local-db';
import type { EventBus } from '../services/event-bus';
import type { Logger } from '../logging/logger';
import type { SiteRunGate } from '../scheduler/site-run-gate';
import type { HeldSiteLock, SiteRunLocks } from '../scheduler/site-run-lock';
import { describeHolder } from '../db/repositories/run-lock-repo';
import { findCommunitiesByRefs, readCommunityState } from '../smartplus/read-snapshot';
import { runSiteSync } from '../sync/engine';
import { confirmHeldBack } from '../sync/held-back';
import { plan } from '../sync/plan';
import type { AdoptionPort } from '../sync/adopt/adopt';
import type { RentManagerPort, SmartPlusPort, SyncPorts } from '../sync/ports';
import { todayInZone } from '../sync/today';
import { runUndo } from '../sync/undo/run-undo';
import { readIntegrationStatus } from './integration-status';
import { mirrorExtras } from './site-mirror';
import type { SiteSyncService } from './site-sync-types';

/** What the gate remembers about a run in progress (shared with the scheduler). */
export interface SiteRunMeta {
  readonly trigger: string;
  readonly runId: string;
}

/** What {@link createSiteSyncService} needs. */
export interface SiteSyncDeps {
  db: LocalDb;
  events: EventBus;
  log: Logger;
  now: () => Date;
  clients: ConnectionClients;
  gate: SiteRunGate<SiteRunMeta>;
  /** The run locks shared with other processes (the CLI, the OS task); without it only this process's gate guards. */
  locks?: Pick<SiteRunLocks, 'acquire'>;
  /** The engine's Rent Manager and SmartPlus ports for a site read from this connection. */
  portsFor(connectionId: string, smartPlusAccountId?: string | null): Promise<{ rentManager: RentManagerPort; smartPlus: SmartPlusPort; adoption?: AdoptionPort }>;
}

const UNATTENDED = new Set(['scheduled', 'catch-up', 'os-schedule']);

/**
 * Runs site syncs for the app: one at a time per site (the gate), progress and completion as
 * events, the subscription checked first, and the local mirror refreshed after every run so
 * the apartment browser shows what SmartPlus now holds — also offline.
 */
export function createSiteSyncService(deps: SiteSyncDeps): SiteSyncService {
  const controllers = new Map<string, AbortController>();
  const progress = new Map<string, RunProgress>();
  const log = deps.log.child('site-sync');

  const requireSite = (siteId: string): Site & { connectionId: string } => {
    const site = deps.db.sites.get(siteId);
    if (!site) throw new AppError('NOT_FOUND', 'This site no longer exists.');
    if (!site.connectionId) throw new AppError('NOT_FOUND', `Site "${site.name}" has no Rent Manager connection. Choose one under Connections.`);
    return site as Site & { connectionId: string };
  };

  /** Takes the cross-process lock of a site, or refuses with who holds it (RUN_IN_PROGRESS). */
  const lockSite = async (site: Site): Promise<HeldSiteLock | null | AppError> => {
    if (!deps.locks) return null;
    const lock = await deps.locks.acquire(site.id);
    if (lock.acquired) return lock;
    return new AppError('RUN_IN_PROGRESS', `"${site.name}" is being synced by ${describeHolder(lock.holder)}. Try again when that run has finished.`, { retryable: true });
  };

  /**
   * The engine's configuration of a site. A site adopted in the wizard (issue 16) links the chosen
   * hand-made community and building until it is linked (the engine skips linked ones), and its
   * kept-separate and left-alone contacts stay honoured on every run.
   */
  const configOf = (site: Site): SiteConfig => {
    const adoption = deps.db.sites.getAdoption(site.id);
    const base: SiteConfig = { ...site.policy, properties: [site.propertyId] };
    if (!adoption) return base;
    return { ...base, linkExisting: true, community: adoption.communityId, building: adoption.buildingId, decisions: adoption.decisions };
  };

  /** Checks the integration subscription (spec §7); records what it found on the site. */
  const subscriptionError = async (site: Site & { connectionId: string }): Promise<AppError | null> => {
    const client = await deps.clients.smartPlus(site.connectionId, site.smartPlusAccountId);
    const { state: status, endsAt } = await readIntegrationStatus(client);
    deps.db.sites.setSubscription(site.id, status, endsAt);
    if (status === 'active') return null;
    return new AppError(
      'SUBSCRIPTION_REQUIRED',
      `The Integration service is ${status === 'expired' ? 'expired' : 'not paid'} for this SmartPlus account, so "${site.name}" cannot be synced. Pay for it under Subscription, then sync again.`,
    );
  };

  const syncPorts = async (connectionId: string, smartPlusAccountId: string | null, capture: (rm: RentManagerSnapshot) => void): Promise<SyncPorts> => {
    const base = await deps.portsFor(connectionId, smartPlusAccountId);
    return {
      rentManager: {
        async readSnapshot(propertyIds, policy, signal) {
          const snapshot = await base.rentManager.readSnapshot(propertyIds, policy, signal);
          capture(snapshot);
          return snapshot;
        },
      },
      smartPlus: base.smartPlus,
      ...(base.adoption ? { adoption: base.adoption } : {}),
      journal: deps.db.journal,
      runs: deps.db.runs,
    };
  };

  const refreshMirror = async (site: Site & { connectionId: string }, rm: RentManagerSnapshot): Promise<void> => {
    try {
      const client = await deps.clients.smartPlus(site.connectionId, site.smartPlusAccountId);
      const ref = propertyRef(rm.origin, site.propertyId);
      const community = (await findCommunitiesByRefs(client, [ref])).get(refKey(ref));
      if (!community) return;
      if (site.communityId !== community.id) deps.db.sites.setCommunity(site.id, community.id);
      const state = await readCommunityState(client, community.id);
      deps.db.siteState.saveSiteState(site.id, state, deps.now(), mirrorExtras(rm, configOf(site)));
    } catch (error) {
      log.warn('could not refresh the local copy after the run', { siteId: site.id, error });
    }
  };

  const onProgress = (p: RunProgress) => {
    progress.set(p.siteId, p);
    deps.events.emit('sync.progressed', p);
  };

  const finish = (run: RunRecord): RunRecord => {
    progress.delete(run.siteId);
    controllers.delete(run.siteId);
    deps.events.emit('sync.finished', run);
    return run;
  };

  /** Records a run that could not start (unattended runs must leave a trace and notify). */
  const failedRun = async (site: Site, runId: string, trigger: RunRecord['trigger'], error: AppError): Promise<RunRecord> => {
    const at = deps.now().toISOString();
    const run: RunRecord = {
      id: runId, siteId: site.id, trigger, dryRun: false, startedAt: at, endedAt: at, outcome: 'failed',
      counts: { communities: 0, apartments: 0, accountsCreated: 0, accountsUpdated: 0, accountsDeleted: 0, credentialsSet: 0, credentialsRemoved: 0, failedOperations: 0 },
      problemCount: 0, heldBackCount: 0, error: error.message,
    };
    await deps.db.runs.saveRun(run);
    return run;
  };

  /** What one guarded run does once the ports are ready: a sync, or the confirmation of held-back deletions. */
  type RunWork = (ports: SyncPorts, signal: AbortSignal) => Promise<{ run: RunRecord }>;

  /**
   * Runs `work` for a site under the same guards whatever it is: a cancel controller, the
   * subscription check for unattended runs, the mirror refreshed after writes, a failed run
   * recorded (never an exception) when it cannot start, and `sync.finished` at the end.
   */
  const guarded = async (
    site: Site & { connectionId: string },
    runId: string,
    options: { trigger: RunRecord['trigger']; writes: boolean; checkSubscription: boolean },
    work: RunWork,
  ): Promise<RunRecord> => {
    const controller = new AbortController();
    controllers.set(site.id, controller);
    let snapshot: RentManagerSnapshot | null = null;
    try {
      if (options.checkSubscription) {
        const refused = await subscriptionError(site).catch((e: unknown) => (e instanceof AppError ? e : new AppError('INTERNAL', String(e))));
        if (refused) return finish(await failedRun(site, runId, options.trigger, refused));
      }
      const ports = await syncPorts(site.connectionId, site.smartPlusAccountId, (s) => (snapshot = s));
      const result = await work(ports, controller.signal);
      if (options.writes && snapshot) await refreshMirror(site, snapshot);
      return finish(result.run);
    } catch (error) {
      const shape = error instanceof AppError ? error : new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
      log.error('site run failed to start', { siteId: site.id, error });
      return finish(await failedRun(site, runId, options.trigger, shape));
    }
  };

  const execute = (site: Site & { connectionId: string }, runId: string, request: Parameters<SiteSyncService['runSite']>[0]): Promise<RunRecord> =>
    guarded(site, runId, { trigger: request.trigger, writes: !request.dryRun, checkSubscription: !request.dryRun && UNATTENDED.has(request.trigger) }, (ports, signal) =>
      runSiteSync({
        site: { id: site.id, name: site.name },
        config: configOf(site),
        ports,
        trigger: request.trigger,
        dryRun: request.dryRun ?? false,
        allowMassDelete: request.allowMassDelete ?? false,
        // "Ask me before applying" (issue 15) covers the runs nobody watches: scheduled, light and catch-up.
        ...(request.planOnly
          ? { askFirst: { departuresWithoutAsking: false } }
          : site.policy.applyMode === 'ask' && UNATTENDED.has(request.trigger) ? { askFirst: { departuresWithoutAsking: site.policy.departuresWithoutAsking ?? true } } : {}),
        signal,
        onProgress,
        clock: deps.now,
        newRunId: () => runId,
        logger: deps.log,
      }),
    );

  return {
    async runSite(request) {
      const site = requireSite(request.siteId);
      const current = deps.gate.current(site.id);
      if (current) return { runId: current.meta.runId, joined: true, done: current.promise as Promise<RunRecord> };
      if (!request.dryRun && !UNATTENDED.has(request.trigger)) {
        const refused = await subscriptionError(site);
        if (refused) throw refused;
      }
      const lock = await lockSite(site);
      if (lock instanceof AppError) {
        // Another call of this process may have started the run while this one waited: join it.
        const again = deps.gate.current(site.id);
        if (again) return { runId: again.meta.runId, joined: true, done: again.promise as Promise<RunRecord> };
        throw lock;
      }
      const runId = randomUUID();
      const gated = deps.gate.run(site.id, { trigger: request.trigger, runId }, () => execute(site, runId, request).finally(() => lock?.release()));
      if (!gated.started) {
        lock?.release();
        return { runId: gated.run.meta.runId, joined: true, done: gated.run.promise as Promise<RunRecord> };
      }
      return { runId, joined: false, done: gated.promise };
    },

    async preview(connectionId, config, apartments, smartPlusAccountId) {
      const ports = await deps.portsFor(connectionId, smartPlusAccountId);
      const rm = await ports.rentManager.readSnapshot(config.properties, config);
      const sp = await ports.smartPlus.readSite(config.properties.map((id) => propertyRef(rm.origin, id)));
      const today = todayInZone(deps.now(), config.timeZone);
      return {
        plans: config.properties.map((propertyId) => ({
          propertyId,
          propertyName: rm.properties.find((p) => p.id === propertyId)?.name ?? `Property ${propertyId}`,
          plan: plan(rm, sp, { ...config, apartments: apartments?.get(propertyId) ?? config.apartments, properties: [propertyId] }, today),
        })),
      };
    },

    cancel(siteId) {
      const controller = controllers.get(siteId);
      if (!controller) return false;
      controller.abort();
      return true;
    },

    running() {
      return [...progress.values()];
    },

    isRunning(siteId) {
      return deps.gate.current(siteId) !== null;
    },

    async confirmHeldBack(runId) {
      const original = await deps.db.runs.getRun(runId);
      if (!original) throw new AppError('NOT_FOUND', 'This run no longer exists.');
      const site = requireSite(original.siteId);
      const busy = () => new AppError('RUN_IN_PROGRESS', `A sync of "${site.name}" is running. Confirm the deletions when it has finished.`);
      if (deps.gate.current(site.id)) throw busy();
      const refused = await subscriptionError(site);
      if (refused) throw refused;
      const lock = await lockSite(site);
      if (lock instanceof AppError) throw lock;
      const newRunId = randomUUID();
      const gated = deps.gate.run(site.id, { trigger: 'manual', runId: newRunId }, () =>
        guarded(site, newRunId, { trigger: 'manual', writes: true, checkSubscription: false }, (ports, signal) =>
          confirmHeldBack({ runId, site: { id: site.id, name: site.name }, config: configOf(site), ports, signal, onProgress, clock: deps.now, newRunId: () => newRunId, logger: deps.log }),
        ).finally(() => lock?.release()),
      );
      if (!gated.started) {
        lock?.release();
        throw busy();
      }
      return gated.promise;
    },

    async previewUndo(runId, options = {}) {
      const original = await deps.db.runs.getRun(runId);
      if (!original) throw new AppError('NOT_FOUND', 'This run no longer exists.');
      const site = requireSite(original.siteId);
      const { smartPlus } = await deps.portsFor(site.connectionId, site.smartPlusAccountId);
      const { plan: undoPlan } = await runUndo({
        runId, site: { id: site.id, name: site.name }, ports: { smartPlus, journal: deps.db.journal, runs: deps.db.runs },
        dryRun: true, allowMassChange: options.allowMassChange ?? false, clock: deps.now, logger: deps.log,
      });
      return undoPlan;
    },

    async undoRun(runId, options = {}) {
      const original = await deps.db.runs.getRun(runId);
      if (!original) throw new AppError('NOT_FOUND', 'This run no longer exists.');
      const site = requireSite(original.siteId);
      const busy = () => new AppError('RUN_IN_PROGRESS', `A sync of "${site.name}" is running. Undo when it has finished.`);
      if (deps.gate.current(site.id)) throw busy();
      const refused = await subscriptionError(site);
      if (refused) throw refused;
      const newRunId = randomUUID();
      const gated = deps.gate.run(site.id, { trigger: 'undo', runId: newRunId }, () =>
        guarded(site, newRunId, { trigger: 'undo', writes: true, checkSubscription: false }, async (ports, signal) => {
          const result = await runUndo({
            runId, site: { id: site.id, name: site.name }, ports, allowMassChange: options.allowMassChange ?? false,
            signal, onProgress, clock: deps.now, newRunId: () => newRunId, logger: deps.log,
          });
          // Read Rent Manager once more only to refresh the local copy (the mirror needs its names and dates).
          await ports.rentManager.readSnapshot([site.propertyId], configOf(site), signal).catch((error: unknown) => log.warn('could not read Rent Manager to refresh the local copy after the undo', { error }));
          return { run: result.run! };
        }),
      );
      if (!gated.started) throw busy();
      return gated.promise;
    },

    async keepHeldBack(runId) {
      const run = await deps.db.runs.getRun(runId);
      if (!run) throw new AppError('NOT_FOUND', 'This run no longer exists.');
      await deps.db.runs.saveHeldBack(runId, []);
      log.info('held-back deletions kept by the user', { runId });
    },
  };
}
