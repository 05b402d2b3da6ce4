import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { UnitOption } from '../../src-shared/ipc/contract/sites';
import { UnitPicker } from '../../src-renderer/components/UnitPicker';

// Ids deliberately contain "2" where names do not: the search must match names only (issue 16).
const UNITS: UnitOption[] = [
  ...[101, 102, 103, 104, 105, 106].map((n, i) => ({ id: 20 + i, name: String(n), occupants: i === 0 ? 0 : i === 1 ? 2 : 1 })),
  ...[201, 202, 203].map((n, i) => ({ id: 40 + i, name: String(n), occupants: 1 })),
  { id: 50, name: '310' },
];

function Harness({ onPicked }: { onPicked: (ids: number[]) => void }) {
  const [picked, setPicked] = useState<number[]>([]);
  const set = (ids: number[]) => {
    setPicked(ids);
    onPicked(ids);
  };
  return (
    <UnitPicker
      title="Maple Court"
      units={UNITS}
      picked={picked}
      onToggle={(id) => set(picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id])}
      onSet={set}
    />
  );
}

function setup() {
  let last: number[] = [];
  render(<Harness onPicked={(ids) => (last = ids)} />);
  return { u: userEvent.setup(), picked: () => [...last].sort((a, b) => a - b), group: screen.getByRole('group', { name: 'Maple Court' }) };
}

describe('unit picker: names, occupancy, floors and ranges', () => {
  it('searches unit names only: "2" shows the 2xx units, not 101–106 whose ids hold a 2', async () => {
    const { u, group } = setup();
    await u.type(within(group).getByLabelText(/Search units/), '2');
    const shown = () => within(group).getAllByRole('checkbox').map((c) => c.closest('label')?.textContent);
    expect(shown()).toEqual(['201', '202', '203']);
    await u.type(within(group).getByLabelText(/Search units/), '0');
    expect(shown()).toEqual(['201', '202', '203']);
    await u.clear(within(group).getByLabelText(/Search units/));
    await u.type(within(group).getByLabelText(/Search units/), '10');
    expect(shown()).toEqual(['101', '102', '103', '104', '105', '106', '310']);
  });

  it('shows each unit’s occupancy, described on its checkbox', () => {
    const { group } = setup();
    const vacant = within(group).getByRole('checkbox', { name: '101' });
    const described = (vacant.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Vacant');
    expect(within(group).getByText('2 tenants')).toBeTruthy();
    expect(within(group).getAllByText('1 tenant')).toHaveLength(7);
  });

  it('picks and unpicks a whole floor', async () => {
    const { u, group, picked } = setup();
    const floors = within(group).getByRole('group', { name: 'Floors of Maple Court' });
    expect(within(floors).getAllByRole('button').map((b) => b.textContent)).toEqual(['Floor 1 in Maple Court', 'Floor 2 in Maple Court', 'Floor 3 in Maple Court']);
    await u.click(within(floors).getByRole('button', { name: /Floor 2/ }));
    expect(picked()).toEqual([40, 41, 42]);
    expect(within(floors).getByRole('button', { name: /Floor 2/ }).getAttribute('aria-pressed')).toBe('true');
    await u.click(within(floors).getByRole('button', { name: /Floor 1/ }));
    expect(picked()).toHaveLength(9);
    await u.click(within(floors).getByRole('button', { name: /Floor 2/ }));
    expect(picked()).toEqual([20, 21, 22, 23, 24, 25]);
  });

  it('picks a from–to range in natural order', async () => {
    const { u, group, picked } = setup();
    await u.type(within(group).getByLabelText('From unit'), '104');
    await u.type(within(group).getByLabelText('to'), '202');
    await u.click(within(group).getByRole('button', { name: /Pick 5 units/ }));
    expect(picked()).toEqual([23, 24, 25, 40, 41]);
  });
});
