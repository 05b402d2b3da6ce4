import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../src-renderer/components/format';

describe('one date format (issue 16)', () => {
  it('shows an ISO instant and a calendar date the same way, "Jan 2, 2027"', () => {
    expect(formatDate('2027-01-02T15:00:00.000Z', 'UTC')).toBe('Jan 2, 2027');
    expect(formatDate('2025-10-08')).toBe('Oct 8, 2025');
    expect(formatDate('2025-10-08', 'Pacific/Kiritimati')).toBe('Oct 8, 2025');
    expect(formatDateTime('2027-01-02T07:00:00.000Z', 'UTC')).toBe('Jan 2, 2027, 7:00 AM');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});
