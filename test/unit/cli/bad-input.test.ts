import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRentManagerClient } from '../../../src-main/rentmanager/client';
import { runCli, siteConfigFile, smartPlusState } from '../../support/cli-harness';
import { cliWorldForFile } from '../../support/cli-world-hooks';

// Issue 5: bad input never loses data. Part 1: bad command lines and site configurations end
// with exit 2 and one clear reason, and write nothing. Part 2: bad data in Rent Manager becomes
// one problem line per record (kind, who, reason; PINs masked) while every account is still
// synced — only the bad value is skipped.
const world = cliWorldForFile();

const GOOD = { properties: [4], pinField: 'Door PIN (Text)', rfCardField: 'RF Card' };

type UsageCase = [name: string, args: (site: (c: unknown) => string) => string[], reason: RegExp, env?: Record<string, string | undefined>];
const USAGE: UsageCase[] = [
  ['no command', () => [], /Usage: npm run cli/],
  ['unknown command', () => ['syncc'], /Unknown command "syncc"/],
  ['unknown sandbox shape', () => ['sandbox', '--shape', 'messy'], /--shape is tidy or field, not "messy"/],
  ['unknown flag', () => ['sync', '--site-cfg', 'x.json'], /Unknown option '--site-cfg'/],
  ['sync without --site-config', () => ['sync'], /sync needs --site-config FILE/],
  ['missing config file', () => ['sync', '--site-config', '/nonexistent/site.json'], /Cannot read the site configuration file/],
  ['config is not JSON', (site) => ['sync', '--site-config', site('{ properties: [4] ')], /is not valid JSON/],
  ['config is a list', (site) => ['sync', '--site-config', site([4])], /not a valid site configuration/],
  ['no properties', (site) => ['sync', '--site-config', site({ properties: [] })], /properties: name at least one property ID/],
  ['property not a number', (site) => ['sync', '--site-config', site({ properties: ['four'] })], /properties\.0: /],
  ['negative property', (site) => ['sync', '--site-config', site({ properties: [-4] })], /properties\.0: /],
  ['unknown creation policy', (site) => ['sync', '--site-config', site({ ...GOOD, creation: 'move-in-ish' })], /creation: Invalid option/],
  ['unknown deletion policy', (site) => ['sync', '--site-config', site({ ...GOOD, deletion: 'never' })], /deletion: Invalid option/],
  ['unknown time zone', (site) => ['sync', '--site-config', site({ ...GOOD, timeZone: 'Mars/Olympus' })], /timeZone: unknown time zone/],
  ['negative grace days', (site) => ['sync', '--site-config', site({ ...GOOD, graceDays: -1 })], /graceDays: /],
  ['fractional grace days', (site) => ['sync', '--site-config', site({ ...GOOD, graceDays: 1.5 })], /graceDays: /],
  ['access flag as text', (site) => ['sync', '--site-config', site({ ...GOOD, sameAccessAsMaster: 'yes' })], /sameAccessAsMaster: /],
  ['custom units as text', (site) => ['sync', '--site-config', site({ ...GOOD, apartments: { custom: ['101'] } })], /apartments/],
  ['misspelt key', (site) => ['sync', '--site-config', site({ ...GOOD, gracedays: 2 })], /Unrecognized key.*gracedays/],
  ['bad --as-of date', (site) => ['sync', '--site-config', site(GOOD), '--as-of', '2026-02-30'], /--as-of must be a date as YYYY-MM-DD/],
  ['missing SmartPlus URL', (site) => ['sync', '--site-config', site(GOOD)], /Set SITESYNC_SP_URL/, { SITESYNC_SP_URL: undefined }],
  ['Rent Manager URL not a URL', (site) => ['sync', '--site-config', site(GOOD)], /SITESYNC_RM_URL/, { SITESYNC_RM_URL: 'ftp:/nowhere' }],
  ['no Rent Manager credentials', (site) => ['sync', '--site-config', site(GOOD)], /SITESYNC_RM_USERNAME and SITESYNC_RM_PASSWORD, or SITESYNC_RM_PARTNER_TOKEN/, { SITESYNC_RM_USERNAME: undefined, SITESYNC_RM_PASSWORD: undefined }],
  ['location not a number', (site) => ['sync', '--site-config', site(GOOD)], /SITESYNC_RM_LOCATION/, { SITESYNC_RM_LOCATION: 'one' }],
  ['bad sandbox port', () => ['sandbox', '--rm-port', '99999'], /--rm-port must be a port number/],
  ['bad sandbox seed', () => ['sandbox', '--seed', 'huge'], /--seed is demo, bench or a number of units/],
];

describe('bad command lines and configurations: exit 2, a clear reason, nothing written', () => {
  const site = (content: unknown) => {
    const file = siteConfigFile({});
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  it.each(USAGE)('%s', async (_name, args, reason, extra) => {
    const env = world().env();
    for (const [key, value] of Object.entries(extra ?? {})) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    const result = await runCli(args(site), env, { timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(2);
    expect(`${result.stderr}${result.stdout}`).toMatch(reason);
    expect(fs.existsSync(path.join(env.SITESYNC_HOME!, 'sitesync.db'))).toBe(false);
    expect((await smartPlusState(world(), 4)).apartments).toEqual([]);
  }, 60_000);
});

describe('bad data in Rent Manager: one problem line each, nothing lost', () => {
  type DataCase = { name: string; pin?: string; rfCard?: string; moveIn?: string | null; kind: string; field?: string; reason: RegExp; value?: string };
  const CASES: DataCase[] = [
    { name: 'Nine', pin: '9123', kind: 'invalid-pin', field: 'pin', reason: /must not start with 9/ },
    { name: 'Short', pin: '1', kind: 'invalid-pin', field: 'pin', reason: /too short/ },
    { name: 'Long', pin: '123456789', kind: 'invalid-pin', field: 'pin', reason: /too long/ },
    { name: 'Letter', pin: '12a4', kind: 'invalid-pin', field: 'pin', reason: /only digits/ },
    { name: 'Decimal', pin: '12.5', kind: 'invalid-pin', field: 'pin', reason: /only digits/ },
    { name: 'Minus', pin: '-123', kind: 'invalid-pin', field: 'pin', reason: /only digits/ },
    { name: 'Samedigit', pin: '1111', kind: 'weak-pin', field: 'pin', reason: /one repeated digit/ },
    { name: 'Twodigit', pin: '42', kind: 'weak-pin', field: 'pin', reason: /shorter than 4/ },
    { name: 'Badchars', rfCard: 'XYZ123', kind: 'invalid-rf-card', field: 'rfCard', reason: /only digits 0-9 and letters A-F/, value: 'XYZ123' },
    { name: 'Toolong', rfCard: '0123456789ABCDEF0', kind: 'invalid-rf-card', field: 'rfCard', reason: /too long/, value: '0123456789ABCDEF0' },
    { name: 'Spaced', rfCard: '12 34', kind: 'invalid-rf-card', field: 'rfCard', reason: /only digits 0-9 and letters A-F/ },
    { name: 'Hexprefix', rfCard: '0x12', kind: 'invalid-rf-card', field: 'rfCard', reason: /only digits 0-9 and letters A-F/ },
    { name: 'Nodate', moveIn: null, kind: 'missing-date', reason: /move-in/i },
  ];
  let problems: Array<{ kind: string; subject: string | null; field: string | null; value: string | null; reason: string }>;
  let state: Awaited<ReturnType<typeof smartPlusState>>;
  let outcome: string;

  beforeAll(async () => {
    world().resetSmartPlus();
    const rm = createRentManagerClient({ baseUrl: world().rm.url, corp: world().rm.corp, locationId: world().rm.location, auth: { kind: 'user', username: world().rm.username, password: world().rm.password } });
    const units = (await rm.units()).rows.filter((u) => u.PropertyID === 4).map((u) => u.UnitID);
    await rm.signOut();
    CASES.forEach((c, i) => {
      world().rm.admin.addTenant({
        propertyId: 4, unitId: units[i % units.length]!, firstName: 'Bad', lastName: c.name,
        moveIn: c.moveIn === undefined ? '2026-01-05' : c.moveIn, pin: c.pin ?? null, rfCard: c.rfCard ?? null,
      });
    });
    const result = await runCli(['sync', '--site-config', siteConfigFile(GOOD), '--json'], world().env());
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { run: { outcome: string }; problems: typeof problems };
    problems = report.problems;
    outcome = report.run.outcome;
    state = await smartPlusState(world(), 4);
  }, 120_000);

  it.each(CASES)('$name: $kind', (c) => {
    const line = problems.find((p) => p.subject?.includes(`Bad ${c.name}`) && p.kind === c.kind);
    expect(line, `no ${c.kind} line for Bad ${c.name}`).toBeDefined();
    expect(line!.reason).toMatch(c.reason);
    if (c.field) expect(line!.field).toBe(c.field);
    if (c.pin) expect(line!.value ?? '').not.toContain(c.pin);
    if (c.value) expect(line!.value).toBe(c.value);
    const account = state.residents.find((r) => r.name === `Bad ${c.name}`);
    if (c.kind === 'missing-date') expect(account).toBeUndefined();
    else expect(account, 'the account is synced without the bad value').toBeDefined();
    if (c.kind === 'invalid-pin') expect(account!.pin).toBeNull();
    if (c.kind === 'invalid-rf-card') expect(account!.rfCards).toBe('');
  });

  it('the run succeeded and no other account or credential was lost', () => {
    expect(outcome).toBe('succeeded');
    expect(state.duplicates).toEqual([]);
    expect(state.residents.filter((r) => r.name.startsWith('Bad ')).length).toBe(CASES.length - 1);
    expect(state.residents.find((r) => r.name === 'Bad Samedigit')?.pin).toBe('1111');
  });
});
