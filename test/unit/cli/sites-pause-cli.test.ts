import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/database';
import { type CliWorld, runCli, siteConfigFile, startCliWorld } from '../../support/cli-harness';

// Issue 16: `sites pause --site ID [--reason]` and `sites resume --site ID` on the app's state;
// `sites list` shows the pause, `run-due` skips the paused site and says why, `sync --site` still runs it.

let world: CliWorld;
let env: NodeJS.ProcessEnv;
let siteId: string;

beforeAll(async () => {
  world = await startCliWorld();
  env = world.env();
  const added = await runCli(['sites', 'add', '--site-config', siteConfigFile({ properties: [4] }), '--json'], env);
  expect(added.code, added.stderr).toBe(0);
  siteId = (JSON.parse(added.stdout.trim().split('\n').at(-1)!) as { sites: { id: string }[] }).sites[0]!.id;
}, 120_000);

afterAll(async () => {
  await world?.close();
});

/** Puts the site's runs two days back, so its last 07:00 UTC slot is missed and run-due would run it. */
function missTheSlot() {
  const db = openDatabase(path.join(env.SITESYNC_HOME!, 'sitesync.db'));
  db.prepare(`UPDATE runs SET started_at = '2026-01-05T07:00:00.000Z', ended_at = '2026-01-05T07:01:00.000Z' WHERE site_id = ?`).run(siteId);
  db.close();
}

describe('sites pause / resume', () => {
  it('usage errors exit 2 with the next step', async () => {
    const noSite = await runCli(['sites', 'pause'], env);
    expect(noSite.code).toBe(2);
    expect(noSite.stderr).toContain('sites pause needs --site ID');
    const unknown = await runCli(['sites', 'resume', '--site', 'no-such-site'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Run "sites list" to see the site ids');
  }, 60_000);

  it('pause records the reason; list shows it; run-due skips the site and says why; sync --site still runs it; resume lets run-due run it', async () => {
    const paused = await runCli(['sites', 'pause', '--site', siteId, '--reason', 'Roof works until March'], env);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stdout).toContain('Paused "');
    expect(paused.stdout).toContain(': Roof works until March');

    const list = await runCli(['sites', 'list'], env);
    expect(list.stdout).toMatch(/paused since \d{4}-\d\d-\d\d \d\d:\d\d UTC — Roof works until March/);
    const listed = JSON.parse((await runCli(['sites', 'list', '--json'], env)).stdout) as { id: string; pause: { reason: string } | null }[];
    expect(listed.find((s) => s.id === siteId)?.pause).toMatchObject({ reason: 'Roof works until March' });

    missTheSlot();
    const due = await runCli(['run-due', '--json'], env);
    expect(due.code, due.stderr).toBe(0);
    const body = JSON.parse(due.stdout) as { ran: unknown[]; skipped: { site: { id: string }; why: string }[] };
    expect(body.ran).toEqual([]);
    expect(body.skipped).toEqual([expect.objectContaining({ site: expect.objectContaining({ id: siteId }), why: 'skipped: paused — Roof works until March' })]);
    const text = await runCli(['run-due'], env);
    expect(text.stdout).toContain('Nothing is due: the only site is paused.');
    expect(text.stdout).toContain('skipped: paused — Roof works until March');

    const manual = await runCli(['sync', '--site', siteId, '--json'], env);
    expect(manual.code, manual.stderr).toBe(0);

    const resumed = await runCli(['sites', 'resume', '--site', siteId], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('it runs on schedule again');
    missTheSlot();
    const after = JSON.parse((await runCli(['run-due', '--json'], env)).stdout) as { ran: { site: { id: string } }[] };
    expect(after.ran.map((r) => r.site.id)).toEqual([siteId]);
  }, 180_000);
});
