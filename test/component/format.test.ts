import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, readableDates } from '../../src-renderer/components/format';

describe('one date format (issue 16)', () => {
  it('shows an ISO instant and a calendar date the same way, "Jan 2, 2027"', () => {
    expect(formatDate('2027-01-02T15:00:00.000Z', 'UTC')).toBe('Jan 2, 2027');
    expect(formatDate('2025-10-08')).toBe('Oct 8, 2025');
    expect(formatDate('2025-10-08', 'Pacific/Kiritimati')).toBe('Oct 8, 2025');
    expect(formatDateTime('2027-01-02T07:00:00.000Z', 'UTC')).toBe('Jan 2, 2027, 7:00 AM');
  });

  it('shows the calendar dates inside a reason main wrote the same way, and nothing else', () => {
    expect(readableDates('Moved out on 2026-12-02.')).toBe('Moved out on Dec 2, 2026.');
    expect(readableDates('Lease ended on 2026-12-02 (2 grace days: access until 2026-12-04).')).toBe('Lease ended on Dec 2, 2026 (2 grace days: access until Dec 4, 2026).');
    // An instant, a longer number and an unreal date are left alone.
    expect(readableDates('at 2026-12-02T10:00:00Z, ref 12026-12-021, on 2026-13-45')).toBe('at 2026-12-02T10:00:00Z, ref 12026-12-021, on 2026-13-45');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});
