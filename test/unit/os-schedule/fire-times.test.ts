import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, type Schedule } from '../../../src-shared/domain/schedule';
import { absoluteFireTimes, isFixedOffsetZone, slotTimesIn } from '../../../src-main/os-schedule/fire-times';

const from = new Date('2026-01-05T12:00:00Z');
const at = (time: string, zone: string): Schedule => ({ time, zone, lightSyncMinutes: null });

describe('fire times of the OS tasks', () => {
  it('a fixed-offset zone keeps its own time and zone', () => {
    expect(isFixedOffsetZone('UTC', from)).toBe(true);
    expect(isFixedOffsetZone('Asia/Kolkata', from)).toBe(true);
    expect(isFixedOffsetZone('America/New_York', from)).toBe(false);
    expect(absoluteFireTimes(DEFAULT_SCHEDULE, from)).toEqual({ zone: 'UTC', offsetMinutes: 0, times: ['07:00'] });
    expect(absoluteFireTimes(at('06:15', 'Asia/Kolkata'), from)).toEqual({ zone: 'Asia/Kolkata', offsetMinutes: 330, times: ['06:15'] });
  });

  it('a zone with DST becomes the slots\u2019 UTC times, gap and fall-back days included', () => {
    expect(absoluteFireTimes(at('03:00', 'America/New_York'), from)).toEqual({ zone: 'UTC', offsetMinutes: 0, times: ['07:00', '08:00'] });
    // 02:30 does not exist on Mar 8 (runs 03:30 EDT = 07:30 UTC, as on EST days) and 01:30 happens twice on Nov 1 (runs at the second, 06:30 UTC).
    expect(absoluteFireTimes(at('02:30', 'America/New_York'), from).times).toEqual(['06:30', '07:30']);
    expect(absoluteFireTimes(at('01:30', 'America/New_York'), from).times).toEqual(['05:30', '06:30']);
  });

  it('07:00 UTC in a machine\u2019s local time: two wall-clock times where DST applies (US and EU), one where it does not', () => {
    expect(slotTimesIn(DEFAULT_SCHEDULE, 'America/New_York', from)).toEqual(['02:00', '03:00']);
    expect(slotTimesIn(DEFAULT_SCHEDULE, 'Europe/Berlin', from)).toEqual(['08:00', '09:00']);
    expect(slotTimesIn(DEFAULT_SCHEDULE, 'Europe/London', from)).toEqual(['07:00', '08:00']);
    expect(slotTimesIn(DEFAULT_SCHEDULE, 'UTC', from)).toEqual(['07:00']);
    expect(slotTimesIn(at('03:00', 'America/New_York'), 'America/New_York', from)).toEqual(['03:00']);
    expect(() => slotTimesIn(DEFAULT_SCHEDULE, 'Mars/Olympus', from)).toThrow(/unknown time zone/);
  });
});
