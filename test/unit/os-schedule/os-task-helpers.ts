import { execFileSync } from 'node:child_process';

/** Parses XML text with the DOM's DOMParser (test files using it run under `@vitest-environment jsdom`); throws when it is not well-formed. */
export function parseXml(text: string): Document {
  if (typeof DOMParser === 'undefined') throw new Error('parseXml needs the jsdom test environment (// @vitest-environment jsdom)');
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

/** The path of a binary on PATH, or null (for tests that need a real OS tool). */
export function which(binary: string): string | null {
  try {
    return execFileSync('which', [binary], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
