import { describe, expect, it } from 'vitest';
import type { RmLease } from '../../../src-shared/domain/rentmanager';
import { occupantsByUnit } from '../../../src-main/features/sites-service';

const lease = (id: number, tenantId: number, unitId: number | null, moveIn: string | null, moveOut: string | null): RmLease => ({
  id,
  tenantId,
  unitId,
  propertyId: 1,
  moveIn,
  moveOut,
  leaseStart: moveIn,
  leaseEnd: null,
});

describe('occupantsByUnit: the picker’s occupancy (issue 16)', () => {
  it('counts distinct tenants with a current lease; past, future and unit-less leases do not count', () => {
    const today = '2026-12-03';
    const byUnit = occupantsByUnit(
      [
        lease(1, 10, 101, '2025-01-01', null),
        lease(2, 11, 101, '2026-12-03', null),
        lease(3, 10, 101, '2024-01-01', '2024-12-31'),
        lease(4, 12, 102, '2020-01-01', '2026-12-02'),
        lease(5, 13, 103, '2027-01-01', null),
        lease(6, 14, null, '2020-01-01', null),
        lease(7, 15, 104, '2020-01-01', '2026-12-03'),
        lease(8, 16, 105, null, null),
      ],
      today,
    );
    expect(byUnit.get(101)?.size).toBe(2);
    expect(byUnit.get(102)).toBeUndefined();
    expect(byUnit.get(103)).toBeUndefined();
    expect(byUnit.get(104)?.size).toBe(1);
    expect(byUnit.get(105)?.size).toBe(1);
  });
});
