import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROBLEM_KINDS, type Problem, type ProblemKind, type RunRecord } from '../../src-shared/domain/run';
import { displayOperation, type SyncOperation } from '../../src-shared/domain/sync-plan';
import { toChangeView as changeView } from '../../src-shared/domain/run-change';
import {
  type ChangeView,
  type CsvExport,
  type FoundChange,
  PREVIEW_OPERATION_LIMIT,
  type RunDetail,
  type RunListItem,
  type RunProblem,
  type SitePreview,
  type UndoPreview,
  type UndoStep,
} from '../../src-shared/ipc/contract/runs';
import { AppError } from '../../src-shared/errors';
import { maskPin } from '../../src-shared/rules/pin';
import type { LocalDb } from '../db/local-db';
import type { Logger } from '../logging/logger';
import type { SiteSyncService } from './site-sync-types';
import { describeTarget } from '../sync/apply';
import type { ChangeSearch } from '../db/repositories/changes-repo';
import { runReportCsv } from '../sync/report';
import { writePrivateFile } from '../lib/private-files';

/** Options of {@link createRunsService}. */
export interface RunsServiceOptions {
  /** Where CSV reports go; default: the user's Downloads folder. */
  downloadsDir?: string;
}

/** Run history, a run's detail and problems, held-back decisions, CSV export and site previews (spec §6, §11). */
export interface RunsService {
  list(siteId: string | undefined, limit: number): Promise<RunListItem[]>;
  get(runId: string): Promise<RunDetail>;
  problems(runId: string, kind?: ProblemKind): Promise<RunProblem[]>;
  exportCsv(runId: string): Promise<CsvExport>;
  confirmHeldBack(runId: string): Promise<RunRecord>;
  keepHeldBack(runId: string): Promise<{ kept: number }>;
  preview(siteId: string): Promise<SitePreview>;
  /** One page of the changes a run made (issue 15), PINs masked. */
  listChanges(runId: string, offset: number, limit: number): Promise<{ changes: ChangeView[]; total: number }>;
  /** Changes over every run and site: by person, unit, e-mail, RF card; "access removed between dates". */
  searchChanges(query: ChangeSearch): Promise<{ changes: FoundChange[]; more: boolean }>;
  /** One PIN around a change, because the user asked to see it (logged: who looked, never the PIN). */
  revealChangePin(runId: string, seq: number, which: 'before' | 'after'): { pin: string | null };
  /** What undoing a run would do, against SmartPlus now (issue 15). */
  previewUndo(runId: string, allowMassChange: boolean): Promise<UndoPreview>;
  /** Undoes a run (its own run, trigger `undo`); with `pauseSchedule` the site's schedule waits until resumed. */
  undo(runId: string, options: { pauseSchedule: boolean; allowMassChange: boolean }): Promise<RunRecord>;
  /** Resumes a site's paused schedule. */
  resumeSchedule(siteId: string): { paused: boolean };
  /** The newest end of a completed run over every site (the status bar's "last sync"). */
  lastSyncAt(): string | null;
}

/**
 * The user's Downloads folder without Electron (this layer may not import it): XDG's
 * `XDG_DOWNLOAD_DIR` when set (Linux desktops), else `~/Downloads` (macOS, Windows, most Linux).
 */
export function defaultDownloadsDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DOWNLOAD_DIR?.replace(/^\$HOME/, os.homedir());
  return xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), 'Downloads');
}

/** A file name for a run's report: site, day and a short run ID, only safe characters. */
export function reportFileName(siteName: string, run: RunRecord): string {
  const slug = siteName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'site';
  return `sitesync-${slug}-${run.startedAt.slice(0, 10)}-${run.id.slice(0, 8)}.csv`;
}

/** Writes `text` to `dir/name`, adding " (2)", " (3)" … rather than overwriting a file already there. */
function writeUnique(dir: string, name: string, text: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const ext = path.extname(name);
  const stem = name.slice(0, -ext.length);
  for (let n = 1; n < 1000; n++) {
    const file = path.join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    try {
      // The report names tenants and units: readable by the user only, never overwriting a file.
      writePrivateFile(file, text, 'wx');
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new AppError('INTERNAL', `Too many reports named ${name} in ${dir}.`);
}

/** A plan operation's detail in words; a PIN never appears (set-pin shows it masked). */
function operationDetail(op: SyncOperation): string {
  switch (op.kind) {
    case 'set-pin':
      return `PIN ${maskPin(op.pin)}`;
    case 'set-rf-cards':
      return `card ${op.cards.join(', ')}`;
    case 'remove-rf-cards':
      return op.keep.length ? `keeps ${op.keep.join(', ')}` : 'every card';
    case 'delete-family-member':
      return op.reason;
    case 'update-family-member':
    case 'update-community':
    case 'update-apartment':
      return `changes ${Object.keys(op.changes).join(', ')}`;
    default:
      return '';
  }
}

/** One undo step in words, PINs never included. */
function undoStep(op: SyncOperation): UndoStep {
  const shown = displayOperation(op);
  return { id: shown.id, kind: shown.kind, target: describeTarget(shown), detail: shown.why ?? operationDetail(shown) };
}

/** A problem fit for a screen: a PIN value is masked again whatever the engine passed. */
function safeProblem(p: Problem): Problem {
  return p.value !== null && (p.field === 'pin' || p.kind.includes('pin')) ? { ...p, value: maskPin(p.value) } : p;
}

/** What {@link createRunsService} needs. */
export interface RunsServiceDeps {
  readonly db: LocalDb;
  readonly log: Logger;
  readonly sync: Pick<SiteSyncService, 'confirmHeldBack' | 'keepHeldBack' | 'preview' | 'previewUndo' | 'undoRun'>;
  isOnline(): boolean;
}

/** Builds the runs service. */
export function createRunsService(deps: RunsServiceDeps, options: RunsServiceOptions = {}): RunsService {
  const downloadsDir = () => options.downloadsDir ?? defaultDownloadsDir();
  const siteName = (siteId: string, cache = new Map<string, string>()) => {
    if (!cache.has(siteId)) cache.set(siteId, deps.db.sites.get(siteId)?.name ?? 'Removed site');
    return cache.get(siteId)!;
  };
  const requireRun = async (runId: string): Promise<RunRecord> => {
    const run = await deps.db.runs.getRun(runId);
    if (!run) throw new AppError('NOT_FOUND', 'This run is not in the history any more.');
    return run;
  };
  const requireUndoable = async (runId: string): Promise<RunRecord> => {
    const run = await requireRun(runId);
    if (run.dryRun) throw new AppError('BAD_INPUT', 'A preview changed nothing: there is nothing to undo.');
    if (run.outcome === 'running') throw new AppError('RUN_IN_PROGRESS', 'This run is still going: undo it once it has ended.');
    if (!deps.isOnline()) throw new AppError('OFFLINE', 'You are offline: undoing a run reads and writes SmartPlus.');
    return run;
  };

  return {
    lastSyncAt() {
      let latest: string | null = null;
      for (const site of deps.db.sites.listSummaries()) {
        const at = deps.db.runs.lastCompletedRunAt(site.id);
        if (at && (!latest || at > latest)) latest = at;
      }
      return latest;
    },

    async list(siteId, limit) {
      const cache = new Map<string, string>();
      const runs = await deps.db.runs.listRuns(siteId);
      return runs.slice(0, limit).map((r) => ({ ...r, siteName: siteName(r.siteId, cache) }));
    },

    async get(runId) {
      const run = await requireRun(runId);
      const problems = await deps.db.runs.listProblems(runId);
      const problemCounts: Partial<Record<ProblemKind, number>> = {};
      for (const p of problems) problemCounts[p.kind] = (problemCounts[p.kind] ?? 0) + 1;
      const held = await deps.db.runs.listHeldBack(runId);
      return {
        run: { ...run, siteName: siteName(run.siteId) },
        problemCounts: Object.fromEntries(PROBLEM_KINDS.filter((k) => problemCounts[k]).map((k) => [k, problemCounts[k]!])),
        heldBack: held.map((h) => ({
          id: h.operation.id,
          person: h.operation.display.person,
          unit: h.operation.display.unit,
          property: h.operation.display.property,
          reason: h.operation.reason,
        })),
        heldBackReason: held[0]?.reason ?? null,
        changeCount: deps.db.changes.pageOfRun(runId, 0, 1).total,
        undoOf: run.undoOf ?? null,
        undoneBy: deps.db.runs.undoneBy(runId),
        schedulePaused: deps.db.sites.schedulePausedAt(run.siteId) !== null,
        heldBackApproval: held.some((h) => h.approval),
      };
    },

    async problems(runId, kind) {
      const run = await requireRun(runId);
      const all = await deps.db.runs.listProblems(runId);
      const units = deps.db.apartments.byUnit(run.siteId);
      return (kind ? all.filter((p) => p.kind === kind) : all).map((p) => ({ ...safeProblem(p), apartment: p.unitId !== null ? (units.get(p.unitId) ?? null) : null }));
    },

    async exportCsv(runId) {
      const run = await requireRun(runId);
      const problems = await deps.db.runs.listProblems(runId);
      const held = await deps.db.runs.listHeldBack(runId);
      const fileName = reportFileName(siteName(run.siteId), run);
      const changes = deps.db.changes.ofRun(runId);
      const file = writeUnique(downloadsDir(), fileName, runReportCsv(run, problems, held, changes));
      deps.log.info('run report exported', { runId, file });
      return { fileName: path.basename(file), path: file, rows: 1 + problems.length + held.length + changes.length };
    },

    async listChanges(runId, offset, limit) {
      await requireRun(runId);
      const page = deps.db.changes.pageOfRun(runId, offset, limit);
      return { changes: page.changes.map(changeView), total: page.total };
    },

    async searchChanges(query) {
      const cache = new Map<string, string>();
      const triggers = new Map<string, RunRecord['trigger']>();
      const iso = (t: string | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
      const found = deps.db.changes.search({ ...query, from: iso(query.from), to: iso(query.to) });
      for (const runId of new Set(found.changes.map((c) => c.runId))) {
        triggers.set(runId, (await deps.db.runs.getRun(runId))?.trigger ?? 'manual');
      }
      return {
        changes: found.changes.map((c) => ({ ...changeView(c), siteName: siteName(c.siteId, cache), trigger: triggers.get(c.runId) ?? 'manual' })),
        more: found.more,
      };
    },

    async previewUndo(runId, allowMassChange) {
      const run = await requireUndoable(runId);
      const plan = await deps.sync.previewUndo(runId, { allowMassChange });
      return {
        runId, siteId: run.siteId, siteName: siteName(run.siteId),
        steps: plan.operations.map(undoStep), notUndone: plan.problems.map(safeProblem),
        heldBack: plan.heldBack.map((h) => undoStep(h.operation)), heldBackReason: plan.heldBack[0]?.reason ?? null,
      };
    },

    async undo(runId, options) {
      const run = await requireUndoable(runId);
      const undone = await deps.sync.undoRun(runId, { allowMassChange: options.allowMassChange });
      if (options.pauseSchedule && undone.outcome !== 'failed') {
        deps.db.sites.setSchedulePaused(run.siteId, undone.startedAt);
        deps.log.info('site schedule paused after an undo', { siteId: run.siteId, runId: undone.id });
      }
      return undone;
    },

    resumeSchedule(siteId) {
      if (!deps.db.sites.get(siteId)) throw new AppError('NOT_FOUND', 'This site no longer exists.');
      deps.db.sites.setSchedulePaused(siteId, null);
      deps.log.info('site schedule resumed', { siteId });
      return { paused: false };
    },

    revealChangePin(runId, seq, which) {
      // Who looked, not what: the PIN itself is never logged.
      deps.log.info('PIN revealed', { runId, seq, which });
      return { pin: deps.db.changes.revealPin(runId, seq, which) };
    },

    async confirmHeldBack(runId) {
      await requireRun(runId);
      if (!deps.isOnline()) throw new AppError('OFFLINE', 'You are offline: deleting accounts needs the network.');
      return deps.sync.confirmHeldBack(runId);
    },

    async keepHeldBack(runId) {
      await requireRun(runId);
      const held = await deps.db.runs.listHeldBack(runId);
      if (held.length === 0) throw new AppError('NOT_FOUND', 'This run has no held-back deletions waiting any more.');
      await deps.sync.keepHeldBack(runId);
      return { kept: held.length };
    },

    async preview(siteId) {
      const site = deps.db.sites.get(siteId);
      if (!site) throw new AppError('NOT_FOUND', 'This site no longer exists.');
      if (!site.connectionId) throw new AppError('NOT_FOUND', `Site "${site.name}" has no Rent Manager connection. Choose one under Connections.`);
      if (!deps.isOnline()) throw new AppError('OFFLINE', 'You are offline: a preview reads Rent Manager and SmartPlus.');
      const { plans } = await deps.sync.preview(site.connectionId, { ...site.policy, properties: [site.propertyId] }, undefined, site.smartPlusAccountId);
      const plan = plans[0]?.plan;
      if (!plan) throw new AppError('INTERNAL', 'The preview returned no plan.');
      return {
        siteId,
        siteName: site.name,
        today: plan.today,
        summary: plan.summary,
        operations: plan.operations.slice(0, PREVIEW_OPERATION_LIMIT).map(displayOperation).map((op) => ({
          id: op.id,
          kind: op.kind,
          target: describeTarget(op),
          detail: operationDetail(op),
        })),
        problems: plan.problems.map(safeProblem),
      };
    },
  };
}
