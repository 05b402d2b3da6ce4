/** SQLite has no booleans: 0/1 in, booleans out. */
export function bool(value: unknown): boolean {
  return value === 1 || value === 1n || value === true;
}

/** Booleans to SQLite integers. */
export function int(value: boolean): number {
  return value ? 1 : 0;
}

/**
 * A key that sorts unit names the way people read them ("2" before "10", "A-2" before "A-10"):
 * lowercase, with every run of digits zero-padded.
 */
export function naturalSortKey(name: string): string {
  return name.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}
