import { describe, expect, it } from 'vitest';
import { cycles, fileGraph, folderGraph, rel } from './import-graph';

describe('one direction of imports in src-main (style.md "Inside src-main")', () => {
  const files = fileGraph();
  const folders = folderGraph(files);

  it('reads the real graph (the composition root imports the features, handlers import features)', () => {
    expect(folders.get('composition')).toContain('features');
    expect(folders.get('ipc')).toContain('features');
    // main.ts reaches the composition root through start-up (issue 12: startup/ builds the services).
    expect(folders.get('main.ts')).toContain('startup');
    expect(folders.get('startup')).toContain('composition');
  });

  it('finds a planted cycle, so an empty answer means something', () => {
    const planted = new Map([
      ['features', new Set(['db'])],
      ['db', new Set(['secrets'])],
      ['secrets', new Set(['features'])],
      ['logging', new Set<string>()],
    ]);
    expect(cycles(planted)).toEqual([['db', 'features', 'secrets']]);
  });

  it('no folder of src-main imports a folder that imports it back', () => {
    expect(cycles(folders)).toEqual([]);
  });

  it('no two files of src-main import each other, directly or around a loop', () => {
    expect(cycles(files).map((c) => c.map(rel))).toEqual([]);
  });
});
