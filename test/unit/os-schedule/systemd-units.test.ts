import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, type Schedule } from '../../../src-shared/domain/schedule';
import { nextSlot } from '../../../src-main/scheduler/next-run';
import { quoteSystemdWord, SYSTEMD_SERVICE, SYSTEMD_TIMER, systemdServiceUnit, systemdTimerUnit } from '../../../src-main/os-schedule/systemd-units';
import { TaskCommandSchema } from '../../../src-main/os-schedule/task-command';
import { which } from './os-task-helpers';

const from = new Date('2026-01-01T00:00:00Z');
const command = TaskCommandSchema.parse({ program: '/opt/SiteSync/sitesync', args: ['--cli'] });
const analyze = which('systemd-analyze');

/** Every instant the OnCalendar= lines of `timer` elapse in 2026, as systemd computes them. */
function systemdElapses(timer: string): Set<string> {
  const specs = timer.split('\n').filter((l) => l.startsWith('OnCalendar=')).map((l) => l.slice('OnCalendar='.length));
  const out = execFileSync(analyze!, ['calendar', '--iterations=400', '--base-time=2025-12-31 23:59:59 UTC', ...specs], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return new Set([...out.matchAll(/(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC/g)].map((m) => m[1]!));
}

describe('systemd user units', () => {
  it('the service runs the CLI\u2019s run-due once, with the task\u2019s environment', () => {
    const unit = systemdServiceUnit(TaskCommandSchema.parse({ ...command, env: { SITESYNC_HOME: '/home/ana/.config/SiteSync' } }));
    expect(unit).toContain('\nType=oneshot\n');
    expect(unit).toContain('\nExecStart="/opt/SiteSync/sitesync" "--cli" "run-due" "--trigger" "os-schedule"\n');
    expect(unit).toContain('\nEnvironment="SITESYNC_HOME=/home/ana/.config/SiteSync"\n');
    expect(unit).not.toContain('[Install]');
  });

  it('quotes paths with spaces, quotes, percent and dollar signs so systemd reads them back', () => {
    expect(quoteSystemdWord('/opt/Site Sync/x', { dollar: true })).toBe('"/opt/Site Sync/x"');
    expect(quoteSystemdWord('a"b\\c%d$e', { dollar: true })).toBe('"a\\"b\\\\c%%d$$e"');
    expect(quoteSystemdWord('A=$x', { dollar: false })).toBe('"A=$x"');
  });

  it('the default timer fires at 07:00 UTC, after log-on and for a time missed while off', () => {
    const timer = systemdTimerUnit(DEFAULT_SCHEDULE, from);
    const lines = timer.split('\n');
    expect(lines.filter((l) => l.startsWith('OnCalendar='))).toEqual(['OnCalendar=*-*-* 07:00:00 UTC']);
    expect(lines).toEqual(expect.arrayContaining(['OnStartupSec=2min', 'Persistent=true', `Unit=${SYSTEMD_SERVICE}`, 'WantedBy=timers.target']));
    expect(lines.some((l) => l.startsWith('OnUnitActiveSec='))).toBe(false);
    expect(systemdTimerUnit({ ...DEFAULT_SCHEDULE, lightSyncMinutes: 30 }, from)).toContain('\nOnUnitActiveSec=30min\n');
  });

  it.skipIf(!analyze)('(needs systemd-analyze on PATH, apt: systemd) systemd computes an elapse at every 2026 slot, across the US and EU DST changes (systemd-analyze calendar)', () => {
    const schedules: Schedule[] = [
      DEFAULT_SCHEDULE,
      { time: '03:00', zone: 'America/New_York', lightSyncMinutes: null },
      { time: '02:30', zone: 'America/New_York', lightSyncMinutes: null },
      { time: '01:30', zone: 'America/New_York', lightSyncMinutes: null },
      { time: '02:30', zone: 'Europe/Berlin', lightSyncMinutes: null },
      { time: '09:00', zone: 'Europe/Berlin', lightSyncMinutes: null },
    ];
    for (const schedule of schedules) {
      const elapses = systemdElapses(systemdTimerUnit(schedule, from));
      let at = from;
      for (let day = 0; day < 365; day++) {
        at = nextSlot(schedule, at);
        const slot = at.toISOString().slice(0, 19).replace('T', ' ');
        expect(elapses.has(slot), `${schedule.time} ${schedule.zone}: slot ${slot}`).toBe(true);
      }
    }
  });

  it.skipIf(!analyze)('(needs systemd-analyze on PATH, apt: systemd) systemd-analyze verify accepts both unit files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-units-'));
    try {
      // verify checks that ExecStart's program exists: use this test's own node binary.
      const real = TaskCommandSchema.parse({ program: process.execPath, args: ['--import', 'tsx', '/opt/a dir/cli.ts'], env: { SITESYNC_HOME: '/tmp/x y' } });
      fs.writeFileSync(path.join(dir, SYSTEMD_SERVICE), systemdServiceUnit(real));
      fs.writeFileSync(path.join(dir, SYSTEMD_TIMER), systemdTimerUnit({ time: '02:30', zone: 'America/New_York', lightSyncMinutes: 45 }, from));
      const result = spawnSync(analyze!, ['verify', path.join(dir, SYSTEMD_SERVICE), path.join(dir, SYSTEMD_TIMER)], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      // The check can fail: a unit with a bad time and a missing program is refused.
      fs.writeFileSync(path.join(dir, SYSTEMD_TIMER), systemdTimerUnit(DEFAULT_SCHEDULE, from).replace('07:00:00', '77:00:00'));
      expect(spawnSync(analyze!, ['verify', path.join(dir, SYSTEMD_TIMER)], { encoding: 'utf8' }).stderr).toMatch(/calendar/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
