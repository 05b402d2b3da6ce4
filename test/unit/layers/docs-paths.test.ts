import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
/** Where a path the page names may start: the repo, or a source tree for short forms like `db/pin-cipher.ts`. */
const BASES = ['', 'src-main', 'src-renderer', 'src-shared'];
const FILE_LIKE = /\.(ts|tsx|js|cjs|mjs|json|md|css|html|png|svg|sh)$/;

/** The backticked spans of `markdown` that name a file or folder (not channel names, code or placeholders). */
function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  return [...new Set(spans.filter((s) => !/[\s*<>{}():|'",]/.test(s) && !s.startsWith('/') && (s.includes('/') || FILE_LIKE.test(s))))];
}

/** The named paths that exist under none of the bases. */
function missingPaths(markdown: string, base = root): string[] {
  return namedPaths(markdown).filter((p) => !BASES.some((b) => fs.existsSync(path.join(base, b, p))));
}

describe('docs/architecture.md names only files that exist', () => {
  const page = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');

  it('reads paths out of backticks and reports one that does not exist', () => {
    const sample = 'See `src-main/sync/engine.ts`, `db/pin-cipher.ts`, `lib/loadable.ts`, `src-main/nowhere.ts`, `sync.runSite`, `screens/<feature>/` and `PUT /residents/{id}/pin`.';
    expect(namedPaths(sample)).toEqual(['src-main/sync/engine.ts', 'db/pin-cipher.ts', 'lib/loadable.ts', 'src-main/nowhere.ts']);
    expect(missingPaths(sample)).toEqual(['src-main/nowhere.ts']);
  });

  it('finds the walk-throughs\' files on the page (so an empty answer means something)', () => {
    expect(namedPaths(page).length).toBeGreaterThan(60);
    expect(namedPaths(page)).toEqual(expect.arrayContaining(['src-main/sync/engine.ts', 'src-renderer/stores/sync-progress-store.ts']));
  });

  it('every path it names exists', () => {
    expect(missingPaths(page)).toEqual([]);
  });
});
