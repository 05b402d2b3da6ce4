/**
 * Floors and ranges of unit names for the Custom apartments picker (issue 16). Pure: names in,
 * groups out. A floor comes from the name's leading number — "101" and "Apt 112" are floor 1,
 * "1204" is floor 12 — and names without a three-digit number have no floor.
 */

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The floor of a unit name (the leading number without its last two digits), or null. */
export function floorOf(name: string): number | null {
  const digits = /^\D{0,8}?(\d{3,})/.exec(name.trim())?.[1];
  if (!digits) return null;
  return Number(digits.slice(0, -2));
}

/** The floors present in the units, lowest first, with their unit ids. */
export function floorsOf<T extends { id: number; name: string }>(units: readonly T[]): Array<{ floor: number; ids: number[] }> {
  const floors = new Map<number, number[]>();
  for (const u of units) {
    const floor = floorOf(u.name);
    if (floor !== null) floors.set(floor, [...(floors.get(floor) ?? []), u.id]);
  }
  return [...floors.entries()].sort(([a], [b]) => a - b).map(([floor, ids]) => ({ floor, ids }));
}

/** The ids of units whose names lie from `from` to `to` in natural order ("9" before "10"), either way round. */
export function unitsInRange<T extends { id: number; name: string }>(units: readonly T[], from: string, to: string): number[] {
  const a = from.trim();
  const b = to.trim();
  if (!a || !b) return [];
  const [low, high] = natural.compare(a, b) <= 0 ? [a, b] : [b, a];
  return units.filter((u) => natural.compare(u.name, low) >= 0 && natural.compare(u.name, high) <= 0).map((u) => u.id);
}

/**
 * Whether a unit's name matches the search text: the name only (ids and other text never match),
 * from the start of the name or of one of its words — "2" finds 201 and "Apt 2B", not 102.
 */
export function nameMatches(search: string, name: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  const hay = name.trim().toLowerCase();
  return hay.startsWith(needle) || hay.split(/[\s\-_/#.]+/).some((word) => word.startsWith(needle)) || (needle.length > 1 && hay.includes(needle));
}

/** "Vacant", "1 tenant", "3 tenants", or null when occupancy is unknown. */
export function occupancyText(occupants: number | undefined): string | null {
  if (occupants === undefined) return null;
  return occupants === 0 ? 'Vacant' : occupants === 1 ? '1 tenant' : `${occupants} tenants`;
}
