/** Case-insensitive match of a search text against any of the given strings. */
export function matches(search: string, ...texts: Array<string | null | undefined>): boolean {
  const needle = search.trim().toLowerCase();
  return needle === '' || texts.some((t) => t?.toLowerCase().includes(needle));
}
