import { describe, expect, it } from 'vitest';
import { parseTimeOfDay } from '../../../src-shared/rules/time-of-day';

const value = (raw: string) => {
  const r = parseTimeOfDay(raw);
  return r.ok ? r.value : `error: ${r.reason}`;
};

describe('parseTimeOfDay: times as installers type them (issue 16)', () => {
  it.each([
    ['2:30', '02:30'],
    ['02:30', '02:30'],
    ['14:30', '14:30'],
    ['0:05', '00:05'],
    ['23:59', '23:59'],
    ['2:30 PM', '14:30'],
    ['2:30pm', '14:30'],
    ['2:30 p.m.', '14:30'],
    ['2pm', '14:00'],
    ['2 PM', '14:00'],
    ['7am', '07:00'],
    ['12am', '00:00'],
    ['12:15 AM', '00:15'],
    ['12pm', '12:00'],
    ['12:45 pm', '12:45'],
    ['1430', '14:30'],
    ['2.30', '02:30'],
    ['  07:00  ', '07:00'],
  ])('reads %j as %s', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it.each([
    ['', /No time entered/],
    ['7', /needs minutes or AM\/PM/],
    ['24:00', /Hours go from 0 to 23/],
    ['2:60', /Minutes go from 00 to 59/],
    ['13pm', /hour goes from 1 to 12/],
    ['0am', /hour goes from 1 to 12/],
    ['noon', /is not a time/],
    ['2:3', /is not a time/],
    ['2:30:00', /is not a time/],
  ])('refuses %j with a sentence saying what works', (raw, reason) => {
    const r = parseTimeOfDay(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(reason);
      expect(r.reason).toMatch(/2:30, 14:30, 2:30 PM or 2pm/);
    }
  });
});
