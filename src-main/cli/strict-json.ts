/**
 * Where a JSON text repeats a key inside one object, or null. `JSON.parse` keeps the last of
 * two equal keys silently — in a site configuration that means a second `"pinField"` or
 * `"deletion"` quietly wins — so the CLI refuses such a file and names the key. Call it on
 * text that `JSON.parse` accepted: the scan relies on the text being valid JSON.
 */
export function findDuplicateKey(text: string): { key: string; path: string } | null {
  // One frame per open object or array: the keys seen so far (objects) and where it is.
  const stack: { keys: Set<string> | null; path: string }[] = [];
  let pendingKey: string | null = null;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const value = JSON.parse(text.slice(i, end + 1)) as string;
      i = end + 1;
      while (/\s/.test(text[i] ?? '')) i++;
      const top = stack.at(-1);
      if (text[i] === ':' && top?.keys) {
        if (top.keys.has(value)) return { key: value, path: top.path };
        top.keys.add(value);
        pendingKey = value;
      }
      continue;
    }
    if (ch === '{' || ch === '[') {
      const parent = stack.at(-1);
      const here = parent === undefined ? '' : parent.keys ? join(parent.path, pendingKey ?? '') : join(parent.path, '[]');
      stack.push({ keys: ch === '{' ? new Set() : null, path: here });
      pendingKey = null;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    }
    i++;
  }
  return null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
