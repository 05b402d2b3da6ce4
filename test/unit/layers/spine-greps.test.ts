import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileGraph, folderGraph } from './import-graph';

// The issue-11 "must show" greps as a test: what the spine forbids, searched for in the source.
const root = path.resolve(import.meta.dirname, '../../..');

/** Every .ts/.tsx file under the given repo folders, relative to the repo. */
function sources(...dirs: string[]): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) return walk(rel);
      return /\.tsx?$/.test(e.name) ? [rel] : [];
    });
  return dirs.flatMap(walk);
}

/** `file:line` of every line of `files` (path → text) that matches `pattern`. */
function hits(files: ReadonlyMap<string, string>, pattern: RegExp): string[] {
  return [...files].flatMap(([file, text]) => text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}`] : [])));
}

const RAW_HANDLE = /\.db\.db\b/;
const RAW_SQL = /\.prepare\(/;
const LOADABLE_DEFINITION = /^\s*(export\s+)?(type|interface|class)\s+Loadable\b/;

const read = (files: string[]) => new Map(files.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
const outsideDb = read(sources('src-main', 'src-shared', 'src-renderer').filter((f) => !f.startsWith(path.join('src-main', 'db') + path.sep)));

describe('the spine holds (issue 11 "must show")', () => {
  const folders = folderGraph(fileGraph());

  it('the patterns find what they look for (planted lines)', () => {
    const planted = new Map([
      ['a.ts', "const repo = new DevicesRepo(ctx.db.db);\nconst row = db.prepare('SELECT 1').get();"],
      ['b.ts', 'export type Loadable<T> = { status: string; value?: T };\n// prepare(x) is a plain function, db.dbName too'],
      ['c.ts', "import { failed, type Loadable } from '../lib/loadable';\ninterface Loadable<T> { value: T }"],
    ]);
    expect(hits(planted, RAW_HANDLE)).toEqual(['a.ts:1']);
    expect(hits(planted, RAW_SQL)).toEqual(['a.ts:2']);
    expect(hits(planted, LOADABLE_DEFINITION)).toEqual(['b.ts:1', 'c.ts:2']);
  });

  it('features/, ipc/ and services/ import nothing from composition/', () => {
    const importers = [...folders].filter(([, targets]) => targets.has('composition')).map(([folder]) => folder);
    expect(importers.length).toBeGreaterThan(0);
    for (const folder of ['features', 'ipc', 'services']) expect(importers).not.toContain(folder);
  });

  it('db/ imports nothing from sync/', () => {
    expect([...(folders.get('db') ?? [])]).not.toContain('sync');
    expect(folders.get('db')?.size).toBeGreaterThan(0);
  });

  it('no raw database handle and no SQL outside src-main/db/', () => {
    expect(outsideDb.size).toBeGreaterThan(100);
    expect(hits(outsideDb, RAW_HANDLE)).toEqual([]);
    expect(hits(outsideDb, RAW_SQL)).toEqual([]);
  });

  it('Loadable is defined once, in src-renderer/lib/loadable.ts', () => {
    const definitions = hits(read(sources('src-renderer', 'src-shared')), LOADABLE_DEFINITION).map((hit) => hit.replace(/:\d+$/, ''));
    expect(definitions).toEqual([path.join('src-renderer', 'lib', 'loadable.ts')]);
  });
});
