import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress, RunRecord } from '../../../src-shared/domain/run';
import { type AppServices, createAppServices } from '../../../src-main/composition/create-app-services';
import { createLogger, memorySink } from '../../../src-main/logging/logger';
import { EphemeralSecretStore } from '../../../src-main/secrets/ephemeral-secret-store';
import { JsonFilePreferencesStore } from '../../../src-main/services/preferences';
import { FakeClock } from '../scheduler/fake-clock';

// The real wiring of issue 6: the scheduler, the run gate and the site sync service together
// (createAppServices with a fake clock, both sandboxes on loopback). A scheduled run really
// runs; "Resync now" during it shows that run; a light sync runs the full sync once Rent
// Manager changed; quitting cancels what runs.
let services: AppServices;
let clock: FakeClock;
let siteId: string;
const sink = memorySink();
const events: Array<{ event: string; payload: unknown }> = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-scheduled-'));

async function until<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 90_000): Promise<T> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const finishedRuns = () => events.filter((e) => e.event === 'sync.finished').map((e) => e.payload as RunRecord);

beforeAll(async () => {
  clock = new FakeClock('2026-11-27T06:59:30Z');
  const log = createLogger(sink, { level: 'debug' });
  const preferences = new JsonFilePreferencesStore(path.join(dir, 'preferences.json'), log);
  preferences.update({ schedule: { time: '07:00', zone: 'UTC', lightSyncMinutes: 30 } });
  services = await createAppServices({
    userDataDir: dir, appVersion: 'test', platform: process.platform, log, clock,
    secrets: new EphemeralSecretStore(), preferences, sandboxAsOf: '2026-11-27', schedule: true,
  });
  services.events.subscribe((event, payload) => events.push({ event, payload }));
  services.sandbox!.smartPlus.admin.activateIntegration(12);
  siteId = services.ctx.db.sites.create({
    name: 'Oak Street Townhomes', customerId: 'sandbox-customer', connectionId: 'sandbox-rentmanager', propertyId: 4,
    policy: { pinField: 'Door PIN (Text)', rfCardField: 'RF Card' },
  }).id;
}, 60_000);

afterAll(async () => {
  await services?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('scheduled runs through the real services', () => {
  it('the 07:00 UTC slot runs the site, and "Resync now" during it joins that run', async () => {
    await clock.advanceTo('2026-11-27T07:00:05Z');
    const progress = await until('the scheduled run to start', () => events.find((e) => e.event === 'sync.progressed')?.payload as RunProgress | undefined);
    const click = await services.ctx.sync.runSite({ siteId, trigger: 'manual' });
    expect(click.joined).toBe(true);
    expect(click.runId).toBe(progress.runId);
    const run = await click.done;
    expect(run.id).toBe(progress.runId);
    expect(['scheduled', 'catch-up']).toContain(run.trigger);
    expect(run.outcome).toBe('succeeded');
    expect(run.counts.accountsCreated).toBeGreaterThan(30);
    expect(sink.lines.filter((l) => l.includes('scheduled run failed'))).toEqual([]);
  }, 120_000);

  it('a light sync runs the full sync after a PIN change in Rent Manager', async () => {
    const before = finishedRuns().length;
    const tenant = services.sandbox!.rentManager.admin.sizes();
    expect(tenant.tenants).toBeGreaterThan(0);
    // First light check records the UDF fingerprint (and may run); wait for it to settle.
    await clock.advance(30 * 60_000);
    await until('the first light check', () => sink.lines.some((l) => l.includes('light sync')) || finishedRuns().length > before, 60_000).catch(() => true);
    const settled = finishedRuns().length;
    const client = await services.ctx.clients.rentManager('sandbox-rentmanager');
    const someone = (await client.tenants()).rows.find((t) => t.PropertyID === 4 && t.Status === 'Current')!;
    services.sandbox!.rentManager.admin.setPin(someone.TenantID, '4829');
    await clock.advance(30 * 60_000);
    const run = await until('a run after the PIN change', () => finishedRuns()[settled]);
    expect(run.outcome).toBe('succeeded');
    expect(run.counts.credentialsSet).toBeGreaterThanOrEqual(1);
    expect(sink.lines.filter((l) => l.includes('scheduled run failed'))).toEqual([]);
  }, 180_000);

  it('quitting cancels a run in progress', async () => {
    const started = await services.ctx.sync.runSite({ siteId, trigger: 'manual' });
    expect(started.joined).toBe(false);
    await services.stop();
    const run = await started.done;
    expect(['cancelled', 'succeeded']).toContain(run.outcome);
  }, 60_000);
});
