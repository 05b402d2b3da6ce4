import { describe, expect, it } from 'vitest';
import { todayInZone } from '../../../src-main/sync/today';

describe('todayInZone: the site date at an instant (spec §3, §6)', () => {
  it.each([
    // The daily 07:00 UTC run is 03:00 EDT / 02:00 EST: the date is the same day either way.
    ['2026-06-01T07:00:00Z', 'America/New_York', '2026-06-01'],
    ['2026-01-15T07:00:00Z', 'America/New_York', '2026-01-15'],
    // Spring forward, 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
    ['2026-03-08T04:59:59Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08'],
    ['2026-03-08T06:59:59Z', 'America/New_York', '2026-03-08'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08'],
    // Fall back, 2026-11-01: 02:00 EDT back to 01:00 EST; 01:30 happens twice.
    ['2026-11-01T03:59:59Z', 'America/New_York', '2026-10-31'],
    ['2026-11-01T04:00:00Z', 'America/New_York', '2026-11-01'],
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01'],
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01'],
    ['2026-11-02T04:59:59Z', 'America/New_York', '2026-11-01'],
    ['2026-11-02T05:00:00Z', 'America/New_York', '2026-11-02'],
    // Other zones: the date follows the site, not the machine.
    ['2026-06-02T05:00:00Z', 'America/Los_Angeles', '2026-06-01'],
    ['2026-06-01T23:30:00Z', 'Pacific/Auckland', '2026-06-02'],
    ['2026-06-01T23:30:00Z', 'UTC', '2026-06-01'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(todayInZone(new Date(instant), zone)).toBe(date);
  });

  it('refuses an unknown zone', () => {
    expect(() => todayInZone(new Date('2026-06-01T00:00:00Z'), 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });
});
