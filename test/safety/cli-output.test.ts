import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsCommand } from '../../src-main/cli/runs-command';
import { syncCommand } from '../../src-main/cli/sync-command';
import { jsonLine, maskCardNumbers, reportSafe, terminalLines, terminalText } from '../../src-main/cli/terminal-text';
import { siteConfig, startWorld, type SandboxWorld } from './helpers/world';

// The CLI prints what Rent Manager holds. --json must not carry a PIN in clear (set-pin
// operations did) and the text report must not let a name drive the terminal.
const ESC_NAME = 'Eve\u001b[2J\u001b[31m\u001b]0;owned\u0007';
const BIDI_NAME = 'Lee\u202Etxt.exe';
const FORGED_LINE = 'Ann\nRun 00000000 — site x — cli — SUCCEEDED';
const CARD = '4242 4242 4242 4242';

let w: SandboxWorld;
let home: string;
let pins: string[];
const env = () => ({
  SITESYNC_RM_URL: w.rm.url, SITESYNC_RM_CORP: w.rm.corp, SITESYNC_RM_LOCATION: String(w.rm.location),
  SITESYNC_RM_USERNAME: w.rm.username, SITESYNC_RM_PASSWORD: w.rm.password,
  SITESYNC_SP_URL: w.sp.url, SITESYNC_SP_USERNAME: w.sp.username, SITESYNC_SP_PASSWORD: w.sp.password, SITESYNC_HOME: home,
});

async function cli(args: { json?: boolean; dryRun?: boolean }): Promise<{ code: number; out: string; err: string }> {
  const file = path.join(home, 'site.json');
  const cfg = siteConfig();
  fs.writeFileSync(file, JSON.stringify({ properties: cfg.properties, pinField: cfg.pinField, rfCardField: cfg.rfCardField }));
  const out: string[] = [];
  const err: string[] = [];
  const code = await syncCommand({ siteConfig: file, ...args, asOf: '2026-06-01' }, env(), { out: (s) => out.push(s), err: (s) => err.push(s) }, new AbortController().signal);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  w = await startWorld();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-cli-output-'));
  const snapshot = await w.ports.rentManager.readSnapshot([4], siteConfig());
  const unit = snapshot.tenants.find((t) => t.leases[0]?.unitId)!.leases[0]!.unitId!;
  // Hostile names, each with a bad RF card so it shows up in the problems of the text report.
  w.rm.admin.addTenant({ propertyId: 4, unitId: unit, firstName: ESC_NAME, lastName: 'Doe', moveIn: '2026-05-01', rfCard: 'not-hex-1', pin: '4826153' });
  w.rm.admin.addTenant({ propertyId: 4, unitId: unit, firstName: 'Zed', lastName: BIDI_NAME, moveIn: '2026-05-01', rfCard: 'not-hex-2' });
  w.rm.admin.addTenant({ propertyId: 4, unitId: unit, firstName: FORGED_LINE, lastName: 'Roe', moveIn: '2026-05-01', rfCard: 'not-hex-3' });
  w.rm.admin.addTenant({ propertyId: 4, unitId: unit, firstName: 'Cara', lastName: `Visa ${CARD}`, moveIn: '2026-05-01', rfCard: 'not-hex-4' });
  pins = (await w.ports.rentManager.readSnapshot([4], siteConfig())).tenants.flatMap((t) => (t.pin ? [t.pin] : []));
}, 60_000);
afterAll(async () => {
  await w.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('CLI output: --json masks PINs and card numbers', () => {
  it('a dry run with --json plans set-pin operations and prints none of the PINs', async () => {
    expect(pins.length).toBeGreaterThan(5);
    expect(pins).toContain('4826153');
    const { code, out } = await cli({ json: true, dryRun: true });
    expect(code).toBe(0);
    const report = JSON.parse(out) as { plan: { operations: { kind: string; pin?: string }[] } };
    const setPins = report.plan.operations.filter((o) => o.kind === 'set-pin');
    expect(setPins.length).toBeGreaterThan(5);
    expect(new Set(setPins.map((o) => o.pin))).toEqual(new Set(['••••']));
    for (const pin of pins) expect(out).not.toMatch(new RegExp(`"${pin}"`));
    expect(out).not.toContain(CARD);
    expect(out).not.toMatch(/\b4242424242424242\b/);
    expect(out).toContain('•••• 4242');
  });

  it('an applying run with --json prints no PIN either, and its names carry no raw escape or bidi control', async () => {
    const { out } = await cli({ json: true });
    for (const pin of pins) expect(out).not.toMatch(new RegExp(`"${pin}"`));
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(out).not.toMatch(/[\u001b\u202e\u0007]/);
    expect(JSON.parse(out).problems.some((p: { subject: string }) => p.subject.includes('\\u001b') || p.subject.includes('\u001b'))).toBe(true);
  });

  it('runs --json prints the history as masked, inert JSON', async () => {
    const lines: string[] = [];
    expect(await runsCommand({ json: true }, env(), (s) => lines.push(s))).toBe(0);
    expect(JSON.parse(lines[0]!).length).toBeGreaterThan(0);
  });
});

describe('CLI output: the text report strips control, escape and bidi characters from names', () => {
  let text: string;
  beforeAll(async () => {
    const result = await cli({ dryRun: true });
    text = `${result.out}\n${result.err}`;
  });
  it('no ESC, BEL or bidi control reaches the terminal', () => {
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(text).not.toMatch(/[\u001b\u0007\u009b\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('Eve'); // the name is still there, without its sequences
    expect(text).not.toContain('owned');
  });
  it('a line break in a name cannot forge a report line', () => {
    expect(text.split('\n').filter((l) => /^Run /.test(l))).toHaveLength(1);
    expect(text).toContain('Ann Run 00000000');
  });
  it('a card number in a name is masked to its last four digits', () => {
    expect(text).not.toContain('4242 4242');
    expect(text).toContain('Visa •••• 4242');
  });
});

describe('CLI output: the terminal-text helper', () => {
  it.each([
    ['CSI colour', 'a\u001b[31mred\u001b[0m', 'ared'],
    ['clear screen', 'x\u001b[2Jy', 'xy'],
    ['OSC title (BEL)', 'x\u001b]0;title\u0007y', 'xy'],
    ['OSC hyperlink (ST)', 'x\u001b]8;;https://evil.example\u001b\\y', 'xy'],
    ['C1 CSI', 'x\u009b31my', 'xy'],
    ['bidi override', 'Lee\u202Etxt.exe', 'Leetxt.exe'],
    ['bidi isolate', 'a\u2067b\u2069c', 'abc'],
    ['newline and tab', 'a\nb\tc\rd', 'a b c d'],
    ['NUL and DEL', 'a\u0000b\u007fc', 'a b c'],
    ['line separator', 'a\u2028b', 'a b'],
    ['plain', 'Zoë Ó Súilleabháin', 'Zoë Ó Súilleabháin'],
  ])('%s', (_name, input, expected) => expect(terminalText(input)).toBe(expected));

  it('multi-line output keeps its line breaks', () => expect(terminalLines('a\u001b[1m\nb\u202e')).toBe('a\nb'));
  it('report copies strip every string and mask card numbers', () => expect(reportSafe({ a: ['x\u001b[1m', `Visa ${CARD}`], b: 1 })).toEqual({ a: ['x', 'Visa •••• 4242'], b: 1 }));
  it('JSON lines mask PINs under any pin key and escape bidi without changing the data', () => {
    const line = jsonLine({ op: { kind: 'set-pin', pin: '4821' }, name: 'Lee\u202Etxt', held: [{ pin: '5930' }] });
    expect(line).not.toMatch(/4821|5930|\u202e/);
    expect(JSON.parse(line)).toEqual({ op: { kind: 'set-pin', pin: '••••' }, name: 'Lee\u202Etxt', held: [{ pin: '••••' }] });
  });
  it('only numbers that pass Luhn are masked (an RF card is not a payment card)', () => {
    expect(maskCardNumbers('card 4242-4242-4242-4242 and 1234567890123')).toBe('card •••• 4242 and 1234567890123');
  });
});
