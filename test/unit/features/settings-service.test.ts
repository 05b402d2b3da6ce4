import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SiteSummary } from '../../../src-shared/domain/site';
import type { ScheduleView, SettingsView } from '../../../src-shared/ipc/contract/settings';
import type { ImportedSite, PropertyOption } from '../../../src-shared/ipc/contract/sites';
import { err, ok, startSitesRig, type SitesRig } from './sites-rig';

let rig: SitesRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

// A summer day: 07:00 UTC is 3:00 a.m. EDT.
const NOW = new Date('2026-07-15T12:00:00Z');

describe('settings: schedule', () => {
  it('starts at 07:00 UTC with the next run tomorrow at 07:00 UTC, on the sandbox', async () => {
    rig = await startSitesRig({ now: NOW });
    expect(ok<SettingsView>(await rig.call('settings.get'))).toEqual({
      schedule: { time: '07:00', zone: 'UTC', lightSyncMinutes: null },
      nextRunAt: '2026-07-16T07:00:00.000Z',
      sandbox: true,
    });
  });

  it('saves the schedule to the preferences file; the next run follows the zone', async () => {
    rig = await startSitesRig({ now: NOW });
    const saved = ok<ScheduleView>(await rig.call('settings.saveSchedule', { time: '02:30', zone: 'America/New_York', lightSyncMinutes: 30 }));
    // 02:30 EDT on 2026-07-16 is 06:30 UTC.
    expect(saved).toEqual({ schedule: { time: '02:30', zone: 'America/New_York', lightSyncMinutes: 30 }, nextRunAt: '2026-07-16T06:30:00.000Z' });
    const file = JSON.parse(fs.readFileSync(path.join(rig.dir, 'preferences.json'), 'utf8'));
    expect(file.schedule).toEqual({ time: '02:30', zone: 'America/New_York', lightSyncMinutes: 30 });
    expect(ok<SettingsView>(await rig.call('settings.get')).schedule.time).toBe('02:30');
  });

  it('previews a schedule without saving it', async () => {
    rig = await startSitesRig({ now: NOW });
    const preview = ok<ScheduleView>(await rig.call('settings.previewSchedule', { time: '13:00', zone: 'Europe/Berlin', lightSyncMinutes: null }));
    expect(preview.nextRunAt).toBe('2026-07-16T11:00:00.000Z');
    expect(ok<SettingsView>(await rig.call('settings.get')).schedule.time).toBe('07:00');
  });

  it('refuses an unknown zone, a bad time or a light interval out of bounds, keeping the saved schedule', async () => {
    rig = await startSitesRig({ now: NOW });
    expect(err(await rig.call('settings.saveSchedule', { time: '07:00', zone: 'Mars/Olympus', lightSyncMinutes: null })).code).toBe('BAD_INPUT');
    expect(err(await rig.call('settings.saveSchedule', { time: '25:00', zone: 'UTC', lightSyncMinutes: null })).code).toBe('BAD_INPUT');
    expect(err(await rig.call('settings.saveSchedule', { time: '07:00', zone: 'UTC', lightSyncMinutes: 2 })).code).toBe('BAD_INPUT');
    expect(ok<SettingsView>(await rig.call('settings.get')).schedule).toEqual({ time: '07:00', zone: 'UTC', lightSyncMinutes: null });
  });
});

describe('settings: reset sandbox', () => {
  it('forgets the sandbox sites and undoes the payment', async () => {
    rig = await startSitesRig();
    rig.services.sandbox!.smartPlus.admin.activateIntegration(1);
    const property = ok<PropertyOption[]>(await rig.call('sites.listProperties', { connectionId: 'sandbox-rentmanager' }))[0]!;
    const { sites } = ok<{ sites: ImportedSite[] }>(
      await rig.call('sites.import', {
        connectionId: 'sandbox-rentmanager',
        policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false },
        properties: [{ propertyId: property.id, units: 'all' }],
      }),
    );
    expect(sites).toHaveLength(1);
    ok(await rig.call('settings.resetSandbox'));
    expect(ok<SiteSummary[]>(await rig.call('sites.list'))).toEqual([]);
    const subs = await (await rig.services.ctx.clients.smartPlus('sandbox-rentmanager')).subscriptions();
    expect(subs.find((s) => s.service === 'integration')?.status ?? 'none').not.toBe('active');
  }, 30_000);

  it('is refused when the app is not on the sandbox', async () => {
    rig = await startSitesRig({ sandbox: 'off' });
    expect(ok<SettingsView>(await rig.call('settings.get')).sandbox).toBe(false);
    expect(err(await rig.call('settings.resetSandbox'))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('not running on the sandbox') });
  });
});
