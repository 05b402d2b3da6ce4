import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src-main/cli/cli-error';
import { runsCommand } from '../../src-main/cli/runs-command';
import { sandboxCommand } from '../../src-main/cli/sandbox-command';
import { MAX_SITE_CONFIG_BYTES, readSiteConfig } from '../../src-main/cli/site-config';
import { findDuplicateKey } from '../../src-main/cli/strict-json';
import { syncCommand } from '../../src-main/cli/sync-command';
import { runCli } from '../support/cli-harness';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-cli-inputs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const fifo = (name: string) => {
  const file = path.join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
};
const canFifo = process.platform !== 'win32';
const usage = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('CLI inputs: site configuration files', () => {
  it.each([
    ['top level', '{"properties":[4],"deletion":"move-out","deletion":"lease-end"}', 'deletion', ''],
    ['pin field', '{"properties":[4],"pinField":"Door PIN","graceDays":0,"pinField":"Old PIN"}', 'pinField', ''],
    ['nested', '{"properties":[4],"apartments":{"custom":[1],"custom":[1,2,3]}}', 'custom', 'apartments'],
    ['escaped spelling of the same key', '{"properties":[4],"graceDays":1,"grace\\u0044ays":30}', 'graceDays', ''],
  ])('a duplicate key (%s) is an error naming the key', (_name, text, key, where) => {
    const message = usage(() => readSiteConfig(write('site.json', text)));
    expect(message).toContain(`"${key}" twice`);
    if (where) expect(message).toContain(`in ${where}`);
  });

  it('equal keys in different objects are no duplicate', () => {
    expect(findDuplicateKey('{"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]}')).toBeNull();
    expect(findDuplicateKey('{"a":"\\"x\\":1","x":2}')).toBeNull();
  });

  it('a UTF-8 byte-order mark is accepted', () => {
    const file = write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"properties":[4],"graceDays":2}')]));
    expect(readSiteConfig(file)).toMatchObject({ properties: [4], graceDays: 2 });
  });

  it('a file over the size bound is refused before it is read', () => {
    const file = write('huge.json', `{"properties":[4],"pad":"${'x'.repeat(MAX_SITE_CONFIG_BYTES)}"}`);
    expect(usage(() => readSiteConfig(file))).toMatch(/larger than 1024 KB/);
  });

  it('a Custom list of a million units is refused (by size), and of 100,000 (by the schema bound, naming the field)', () => {
    const units = Array.from({ length: 1_000_000 }, (_, i) => i + 1);
    expect(usage(() => readSiteConfig(write('million.json', JSON.stringify({ properties: [4], apartments: { custom: units } }))))).toMatch(/larger than/);
    expect(usage(() => readSiteConfig(write('many.json', JSON.stringify({ properties: [4], apartments: { custom: units.slice(0, 100_000) } }))))).toMatch(/apartments/);
  });

  it('a folder as the site configuration is a clear error', () => {
    expect(usage(() => readSiteConfig(dir))).toMatch(/not a regular file/);
  });

  it.runIf(canFifo)('a FIFO as the site configuration is refused at once (not read, which would block)', () => {
    expect(usage(() => readSiteConfig(fifo('site.fifo')))).toMatch(/not a regular file/);
  });

  it('a duplicate key through the real command line exits 2 and names the key', async () => {
    const file = write('dup.json', '{"properties":[4],"deletion":"move-out","deletion":"lease-end"}');
    const result = await runCli(['sync', '--site-config', file, '--dry-run'], { ...process.env, SITESYNC_HOME: path.join(dir, 'home') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"deletion" twice');
  });
});

describe('CLI inputs: SITESYNC_HOME', () => {
  const io = { out: () => {}, err: () => {} };
  it('a regular file as SITESYNC_HOME gets a clear message, and the file is left as it was', async () => {
    const file = write('not-a-home', 'keep me');
    const site = write('site.json', '{"properties":[4]}');
    const env = { SITESYNC_HOME: file, SITESYNC_RM_CORP: 'acme', SITESYNC_RM_PARTNER_TOKEN: 't', SITESYNC_SP_URL: 'https://sp.example', SITESYNC_SP_USERNAME: 'u', SITESYNC_SP_PASSWORD: 'p' };
    await expect(syncCommand({ siteConfig: site }, env, io, new AbortController().signal)).rejects.toThrow(/SITESYNC_HOME .* is a file\. Point it to a folder/);
    await expect(runsCommand({}, { SITESYNC_HOME: file }, () => {})).rejects.toThrow(UsageError);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it.runIf(canFifo)('a FIFO as SITESYNC_HOME gets a clear message', async () => {
    await expect(runsCommand({ json: true }, { SITESYNC_HOME: fifo('home.fifo') }, () => {})).rejects.toThrow(/is a FIFO \(named pipe\)/);
  });

  it('a SITESYNC_HOME that does not exist yet is no error (runs: nothing yet)', async () => {
    const home = path.join(dir, 'new-home');
    const lines: string[] = [];
    expect(await runsCommand({}, { SITESYNC_HOME: home }, (s) => lines.push(s))).toBe(0);
    expect(lines[0]).toMatch(/No runs yet/);
  });
});

describe('CLI inputs: sandbox --state', () => {
  const run = (state: string) => sandboxCommand({ state, seed: '5' }, () => {}, Promise.resolve());

  it.each([
    ['a site configuration', 'site.json', '{"properties":[4]}'],
    ['a database file', 'sitesync.json', 'SQLite format 3\u0000 binary'],
    ['some other JSON', 'notes.json', '{"version":2,"notes":["keep"]}'],
    ['an empty file', 'empty.json', ''],
  ])('refuses %s and leaves it untouched', async (_name, name, content) => {
    const file = write(name, content);
    await expect(run(file)).rejects.toThrow(/is not a SiteSync Rent Manager sandbox state file\. It was left untouched/);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });

  it('refuses a SmartPlus companion file that is not a SmartPlus state, leaving both files untouched', async () => {
    const companion = write('state.smartplus.json', '{"mine":true}');
    await expect(run(path.join(dir, 'state.json'))).rejects.toThrow(/not a SiteSync SmartPlus sandbox state file/);
    expect(fs.readFileSync(companion, 'utf8')).toBe('{"mine":true}');
    expect(fs.existsSync(path.join(dir, 'state.json'))).toBe(false);
  });

  it.runIf(canFifo)('refuses a FIFO', async () => {
    await expect(run(fifo('state.json'))).rejects.toThrow(/not a regular file/);
  });

  it('accepts its own state files: a second start reuses them', async () => {
    const file = path.join(dir, 'state.json');
    expect(await run(file)).toBe(0);
    const first = fs.readFileSync(file, 'utf8');
    expect(await run(file)).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).tenants).toEqual(JSON.parse(first).tenants);
  });
});
