import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { DEFAULT_SCHEDULE, type Schedule, ScheduleSchema } from '../../../src-shared/domain/schedule';
import { missedRun, nextRun, nextSlot, previousSlot } from '../../../src-main/scheduler/next-run';

const d = (iso: string) => new Date(iso);
const ny = (time: string): Schedule => ({ time, zone: 'America/New_York', lightSyncMinutes: null });
const iso = (date: Date) => date.toISOString();
const local = (date: Date) => DateTime.fromJSDate(date, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm ZZZZ');

describe('the default schedule', () => {
  it('is 07:00 UTC: 3:00 a.m. EDT in summer, 2:00 a.m. EST in winter', () => {
    expect(ScheduleSchema.parse(DEFAULT_SCHEDULE)).toEqual({ time: '07:00', zone: 'UTC', lightSyncMinutes: null });
    const summer = nextRun(DEFAULT_SCHEDULE, null, d('2026-07-01T12:00:00Z'));
    expect(iso(summer)).toBe('2026-07-02T07:00:00.000Z');
    expect(local(summer)).toBe('2026-07-02 03:00 EDT');
    const winter = nextRun(DEFAULT_SCHEDULE, null, d('2026-12-01T12:00:00Z'));
    expect(local(winter)).toBe('2026-12-02 02:00 EST');
  });

  it('stays at 07:00 UTC across both 2026 DST changes in New York', () => {
    const march = [d('2026-03-07T12:00:00Z')];
    for (let i = 0; i < 2; i++) march.push(nextSlot(DEFAULT_SCHEDULE, march.at(-1)!));
    expect(march.slice(1).map(local)).toEqual(['2026-03-08 03:00 EDT', '2026-03-09 03:00 EDT']);
    expect(iso(nextSlot(DEFAULT_SCHEDULE, d('2026-03-07T00:00:00Z')))).toBe('2026-03-07T07:00:00.000Z');
    expect(local(d('2026-03-07T07:00:00Z'))).toBe('2026-03-07 02:00 EST');
    const nov = nextSlot(DEFAULT_SCHEDULE, d('2026-11-01T00:00:00Z'));
    expect(iso(nov)).toBe('2026-11-01T07:00:00.000Z');
    expect(local(nov)).toBe('2026-11-01 02:00 EST');
    expect(local(nextSlot(DEFAULT_SCHEDULE, d('2026-10-31T00:00:00Z')))).toBe('2026-10-31 03:00 EDT');
  });
});

describe('a schedule in America/New_York at 02:30', () => {
  it('runs at 03:30 EDT on 2026-03-08, when 02:30 does not exist, and at 02:30 on the days around it', () => {
    const slots = [d('2026-03-06T12:00:00Z')];
    for (let i = 0; i < 3; i++) slots.push(nextSlot(ny('02:30'), slots.at(-1)!));
    expect(slots.slice(1).map(iso)).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z']);
    expect(slots.slice(1).map(local)).toEqual(['2026-03-07 02:30 EST', '2026-03-08 03:30 EDT', '2026-03-09 02:30 EDT']);
  });

  it('runs once at 02:30 EST on 2026-11-01 (a 25-hour day)', () => {
    const slots = [d('2026-10-30T12:00:00Z')];
    for (let i = 0; i < 3; i++) slots.push(nextSlot(ny('02:30'), slots.at(-1)!));
    expect(slots.slice(1).map(local)).toEqual(['2026-10-31 02:30 EDT', '2026-11-01 02:30 EST', '2026-11-02 02:30 EST']);
    expect(slots[2]!.getTime() - slots[1]!.getTime()).toBe(25 * 3600_000);
  });

  it('runs a time that happens twice (01:30 on 2026-11-01) once, at its second occurrence', () => {
    const first = nextSlot(ny('01:30'), d('2026-11-01T04:00:00Z'));
    expect(local(first)).toBe('2026-11-01 01:30 EST');
    expect(local(nextSlot(ny('01:30'), first))).toBe('2026-11-02 01:30 EST');
  });
});

describe('nextRun, previousSlot and missedRun', () => {
  it('never returns a slot the last run already covered', () => {
    // A timer firing 5 ms early must not run the 07:00 slot twice.
    expect(iso(nextRun(DEFAULT_SCHEDULE, d('2026-11-27T07:00:00.000Z'), d('2026-11-27T06:59:59.995Z')))).toBe('2026-11-28T07:00:00.000Z');
    expect(iso(nextRun(DEFAULT_SCHEDULE, d('2026-11-20T07:00:00Z'), d('2026-11-27T06:00:00Z')))).toBe('2026-11-27T07:00:00.000Z');
  });

  it('finds the latest slot at or before a moment', () => {
    expect(iso(previousSlot(DEFAULT_SCHEDULE, d('2026-11-27T07:00:00Z')))).toBe('2026-11-27T07:00:00.000Z');
    expect(iso(previousSlot(DEFAULT_SCHEDULE, d('2026-11-27T06:59:59Z')))).toBe('2026-11-26T07:00:00.000Z');
    expect(iso(previousSlot(ny('02:30'), d('2026-03-08T07:29:00Z')))).toBe('2026-03-07T07:30:00.000Z');
  });

  it('says a catch-up is due only for the latest missed slot, once', () => {
    const lastRun = d('2026-11-01T07:00:00Z');
    expect(missedRun(DEFAULT_SCHEDULE, lastRun, d('2026-11-01T20:00:00Z'))).toBeNull();
    expect(iso(missedRun(DEFAULT_SCHEDULE, lastRun, d('2026-11-04T22:00:00Z'))!)).toBe('2026-11-04T07:00:00.000Z');
    expect(missedRun(DEFAULT_SCHEDULE, d('2026-11-04T08:00:00Z'), d('2026-11-04T22:00:00Z'))).toBeNull();
    expect(missedRun(DEFAULT_SCHEDULE, null, d('2026-11-04T22:00:00Z'))).toBeNull();
  });

  it('rejects schedules that are not HH:mm in a known zone', () => {
    expect(ScheduleSchema.safeParse({ time: '7:00', zone: 'UTC', lightSyncMinutes: null }).success).toBe(false);
    expect(ScheduleSchema.safeParse({ time: '24:00', zone: 'UTC', lightSyncMinutes: null }).success).toBe(false);
    expect(ScheduleSchema.safeParse({ time: '07:00', zone: 'Eastern', lightSyncMinutes: null }).success).toBe(false);
    expect(ScheduleSchema.safeParse({ time: '07:00', zone: 'UTC', lightSyncMinutes: 1 }).success).toBe(false);
  });
});
