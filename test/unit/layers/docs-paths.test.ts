import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
/** Where a path the page names may start: the repo, or a source tree for short forms like `db/pin-cipher.ts`. */
const BASES = ['', 'src-main', 'src-renderer', 'src-shared'];
/** A bare name (no folder) counts as a repo path only as a source file: `about.json` may name a file of a report. */
const SOURCE_FILE = /\.(ts|tsx|js|cjs|mjs|css|html)$/;

/**
 * The backticked spans of `markdown` that name a file or folder of the repo — not channel names,
 * code, placeholders (`<name>`), URL paths (`/residents/…`) or paths under an environment
 * variable (`SITESYNC_HOME/…`).
 */
function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  const isPath = (s: string) => !/[\s*<>{}():|'",]/.test(s) && !s.startsWith('/') && !/^[A-Z_]+\//.test(s) && (s.includes('/') || SOURCE_FILE.test(s));
  return [...new Set(spans.filter(isPath))];
}

/** The named paths that exist under none of the bases. */
function missingPaths(markdown: string, base = root): string[] {
  return namedPaths(markdown).filter((p) => !BASES.some((b) => fs.existsSync(path.join(base, b, p))));
}

describe('docs/architecture.md names only files that exist', () => {
  const page = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');

  it('reads paths out of backticks and reports one that does not exist', () => {
    const sample = 'See `src-main/sync/engine.ts`, `db/pin-cipher.ts`, `lib/loadable.ts`, `src-main/nowhere.ts`, `sync.runSite`, `screens/<feature>/`, `about.json`, `SITESYNC_HOME/x.json` and `PUT /residents/{id}/pin`.';
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
