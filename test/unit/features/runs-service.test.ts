import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, RunRecord } from '../../../src-shared/domain/run';
import type { Overview } from '../../../src-shared/ipc/contract/overview';
import type { CsvExport, RunDetail, RunListItem, SitePreview } from '../../../src-shared/ipc/contract/runs';
import type { RunStarted } from '../../../src-shared/ipc/contract/sync';
import { defaultDownloadsDir, reportFileName } from '../../../src-main/features/runs-service';
import { err, ok, startSitesRig, type SitesRig } from './sites-rig';
import { currentTenants, finished, importSmallest, yesterday } from './sync-rig';

let rig: SitesRig;
let siteId: string;
let downloads: string;
const savedXdg = process.env.XDG_DOWNLOAD_DIR;
beforeAll(async () => {
  rig = await startSitesRig();
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-downloads-'));
  process.env.XDG_DOWNLOAD_DIR = downloads;
  siteId = (await importSmallest(rig)).siteId;
}, 90_000);
afterAll(async () => {
  if (savedXdg === undefined) delete process.env.XDG_DOWNLOAD_DIR;
  else process.env.XDG_DOWNLOAD_DIR = savedXdg;
  fs.rmSync(downloads, { recursive: true, force: true });
  await rig.close();
});

async function resync(): Promise<RunRecord> {
  const started = ok<RunStarted>(await rig.call('sync.runSite', { siteId }));
  return finished(rig, started.runId);
}
const detail = async (runId: string) => ok<RunDetail>(await rig.call('runs.get', { runId }));
const problems = async (runId: string, kind?: string) => ok<{ problems: Problem[] }>(await rig.call('runs.listProblems', { runId, ...(kind ? { kind } : {}) })).problems;
const heldBackOf = async () => ok<Overview>(await rig.call('overview.get')).customers.flatMap((c) => c.sites).find((s) => s.id === siteId)!.heldBack;

describe('runs: a changed tenant shows in the run', () => {
  let changed: RunRecord;
  let pinTenant: number;
  it('a move-out yesterday deletes the account; an invalid new PIN is reported masked', async () => {
    const [leaver, other] = await currentTenants(rig, siteId);
    pinTenant = other!.id;
    rig.services.sandbox!.rentManager.admin.moveOut(leaver!.id, yesterday());
    rig.services.sandbox!.rentManager.admin.setPin(other!.id, '9123');
    changed = await resync();
    expect(changed.outcome).toMatch(/succeeded|partial/);
    expect(changed.counts.accountsDeleted).toBe(leaver!.contacts.length);
    const d = await detail(changed.id);
    expect(d.run).toMatchObject({ id: changed.id, siteId, trigger: 'manual', siteName: expect.any(String) });
    expect(d.heldBack).toEqual([]);
    const invalid = (await problems(changed.id, 'invalid-pin')).filter((p) => p.tenantId === pinTenant);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.value).toBe('••••');
    expect(d.problemCounts['invalid-pin']).toBeGreaterThanOrEqual(1);
    const all = await problems(changed.id);
    expect(all).toHaveLength(changed.problemCount);
    expect(JSON.stringify(all)).not.toContain('9123');
  }, 60_000);

  it('history lists the runs per site and overall, newest first, with the site name', async () => {
    const perSite = ok<{ runs: RunListItem[] }>(await rig.call('runs.list', { siteId })).runs;
    expect(perSite[0]!.id).toBe(changed.id);
    expect(perSite.map((r) => r.trigger)).toEqual(['manual', 'import']);
    const overall = ok<{ runs: RunListItem[] }>(await rig.call('runs.list', {})).runs;
    expect(overall.map((r) => r.id)).toEqual(perSite.map((r) => r.id));
    expect(ok<{ runs: RunListItem[] }>(await rig.call('runs.list', { limit: 1 })).runs).toHaveLength(1);
    expect(err(await rig.call('runs.get', { runId: 'nope' })).code).toBe('NOT_FOUND');
  });

  it('exports the report as CSV into the Downloads folder, never overwriting, PINs masked', async () => {
    const first = ok<CsvExport>(await rig.call('runs.exportCsv', { runId: changed.id }));
    expect(path.dirname(first.path)).toBe(downloads);
    expect(first.fileName).toMatch(/^sitesync-.*\.csv$/);
    const text = fs.readFileSync(first.path, 'utf8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^record,run_id,site_id,trigger/);
    expect(lines).toHaveLength(1 + first.rows);
    // Issue 15: the report also lists every change of the run, one line each.
    const { total } = ok<{ total: number }>(await rig.call('runs.listChanges', { runId: changed.id }));
    expect(total).toBeGreaterThan(0);
    expect(first.rows).toBe(1 + changed.problemCount + total);
    expect(lines.filter((l) => l.startsWith('change,'))).toHaveLength(total);
    expect(text).not.toContain('9123');
    expect(text).toContain('invalid-pin');
    const second = ok<CsvExport>(await rig.call('runs.exportCsv', { runId: changed.id }));
    expect(second.path).not.toBe(first.path);
    expect(second.fileName).toContain('(2)');
  });
});

describe('runs: mass deletion is held back, then kept or confirmed', () => {
  const moved: number[] = [];
  let held: RunRecord;
  it('moving out more than 10% and more than 5 tenants holds the deletions back; the rest applies', async () => {
    const tenants = await currentTenants(rig, siteId);
    const members = tenants.reduce((n, t) => n + t.contacts.length, 0);
    let count = 0;
    for (const t of tenants) {
      if (count > Math.max(6, members * 0.15)) break;
      moved.push(t.id);
      count += t.contacts.length;
    }
    for (const id of moved) rig.services.sandbox!.rentManager.admin.moveOut(id, yesterday());
    held = await resync();
    expect(held.outcome).toBe('held-back');
    expect(held.heldBackCount).toBe(count);
    expect(held.counts.accountsDeleted).toBe(0);
    const d = await detail(held.id);
    expect(d.heldBack).toHaveLength(count);
    expect(d.heldBackReason).toMatch(/\d/);
    expect(d.heldBack.every((h) => h.property.length > 0 && h.reason.length > 0)).toBe(true);
    expect(await heldBackOf()).toEqual({ runId: held.id, count });
  }, 60_000);

  it('Keep accounts clears the list without deleting', async () => {
    expect(ok<{ kept: number }>(await rig.call('runs.keepHeldBack', { runId: held.id }))).toEqual({ kept: held.heldBackCount });
    expect((await detail(held.id)).heldBack).toEqual([]);
    expect(await heldBackOf()).toBeNull();
    expect(err(await rig.call('runs.keepHeldBack', { runId: held.id })).code).toBe('NOT_FOUND');
  });

  it('the next run holds them back again; Confirm deletions applies them in a run of its own', async () => {
    const again = await resync();
    expect(again.outcome).toBe('held-back');
    const confirmation = ok<RunRecord>(await rig.call('runs.confirmHeldBack', { runId: again.id }));
    expect(confirmation.id).not.toBe(again.id);
    expect(confirmation.counts.accountsDeleted).toBe(again.heldBackCount);
    expect((await detail(again.id)).heldBack).toEqual([]);
    expect(await heldBackOf()).toBeNull();
    const after = await resync();
    expect(after.counts.accountsDeleted).toBe(0);
    expect(after.outcome).not.toBe('held-back');
  }, 90_000);
});

describe('runs: preview', () => {
  it('shows the dry-run plan and its billing impact, and changes nothing', async () => {
    const [leaver] = await currentTenants(rig, siteId);
    rig.services.sandbox!.rentManager.admin.moveOut(leaver!.id, yesterday());
    const runsBefore = ok<{ runs: RunListItem[] }>(await rig.call('runs.list', { siteId })).runs.length;
    const preview = ok<SitePreview>(await rig.call('runs.preview', { siteId }));
    expect(preview.siteId).toBe(siteId);
    expect(preview.summary.operations['delete-family-member']).toBe(leaver!.contacts.length);
    expect(preview.operations.filter((op) => op.kind === 'delete-family-member')).toHaveLength(leaver!.contacts.length);
    expect(preview.summary.billing).toEqual({ apartmentsToActivate: expect.any(Number), familyMembersOverAllowance: expect.any(Number), freeAllowancePerApartment: expect.any(Number) });
    expect(ok<{ runs: RunListItem[] }>(await rig.call('runs.list', { siteId })).runs).toHaveLength(runsBefore);
    const real = await resync();
    expect(real.counts.accountsDeleted).toBe(leaver!.contacts.length);
  }, 60_000);

  it('never shows a PIN in clear: a new PIN in the plan appears masked', async () => {
    const [tenant] = await currentTenants(rig, siteId);
    rig.services.sandbox!.rentManager.admin.setPin(tenant!.id, '48213');
    const preview = ok<SitePreview>(await rig.call('runs.preview', { siteId }));
    const setPin = preview.operations.find((op) => op.kind === 'set-pin');
    expect(setPin, 'the preview plans the new PIN').toBeDefined();
    expect(JSON.stringify(preview)).not.toContain('48213');
  }, 60_000);
});

describe('runs: helpers', () => {
  it('names a report by site, day and run, safely', () => {
    const run = { id: 'abcdef123456', startedAt: '2026-11-27T11:00:00.000Z' } as RunRecord;
    expect(reportFileName('Maple Court / Bldg #2', run)).toBe('sitesync-maple-court-bldg-2-2026-11-27-abcdef12.csv');
    expect(reportFileName('***', run)).toBe('sitesync-site-2026-11-27-abcdef12.csv');
  });

  it('finds Downloads from XDG_DOWNLOAD_DIR, else the home folder', () => {
    expect(defaultDownloadsDir({ XDG_DOWNLOAD_DIR: '/data/dl' })).toBe('/data/dl');
    expect(defaultDownloadsDir({})).toBe(path.join(os.homedir(), 'Downloads'));
  });
});
