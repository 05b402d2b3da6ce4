import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_UDF } from '../../src-main/sandbox/rentmanager/seed';
import { runCli, siteConfigFile, startCliWorld, type CliWorld } from '../support/cli-harness';
import { credentials, siteConfig, startWorld, type SandboxWorld } from './helpers/world';

// Issue 12: a chosen PIN / RF card field that names no Rent Manager field is a configuration
// error. The run stops before any write, says which field and which fields exist; the CLI exits 2.
let w: SandboxWorld;
beforeAll(async () => {
  w = await startWorld();
  expect((await w.sync(siteConfig())).run.outcome).toBe('succeeded');
});
afterAll(async () => w.close());

describe('an unresolvable field stops the run before any write', () => {
  let before: Awaited<ReturnType<typeof credentials>>;
  beforeEach(async () => {
    before = credentials(await w.smartPlus(siteConfig()));
    w.sp.admin.resetCounters();
  });

  it.each([
    ['a typo in the PIN field', { pinField: 'Door PIN (Txt)' }, '"Door PIN (Txt)" (pinField)', ''],
    ['an invisible character in the PIN field', { pinField: 'Door PIN (Text)\u200b' }, '"Door PIN (Text)\\u200B" (pinField)', 'invisible character'],
    ['a stray double space in the PIN field', { pinField: 'Door  PIN (Text)' }, '"Door  PIN (Text)" (pinField)', 'extra spaces'],
    ['a PIN field ID that no longer exists', { pinField: 9999 }, 'ID 9999 (pinField)', 'no field has this ID'],
    ['a typo in the RF card field', { rfCardField: 'RF Crad' }, '"RF Crad" (rfCardField)', ''],
  ] as const)('%s', async (_name, change, names, why) => {
    const r = await w.sync(siteConfig(change));
    expect(r.run.outcome).toBe('failed');
    expect(r.errorCode).toBe('RM_FIELD_NOT_FOUND');
    expect(r.plan).toBeNull();
    expect(r.applied).toEqual([]);
    expect(r.run.error).toContain(names);
    expect(r.run.error).toContain(why);
    // The sentence lists the fields that exist, by name and ID.
    expect(r.run.error).toContain(`"Door PIN (Text)" (ID ${SEED_UDF.doorPinText}, Text, Tenant)`);
    expect(r.run.error).toContain(`"RF Card" (ID ${SEED_UDF.rfCardText}`);
    // Nothing written: no SmartPlus write at all, every credential as before.
    expect(Object.keys(w.sp.admin.counters().byRoute).filter((r) => !r.startsWith('GET ') && r !== 'POST /auth/token')).toEqual([]);
    expect(credentials(await w.smartPlus(siteConfig()))).toEqual(before);
  });
});

describe('the CLI', () => {
  let world: CliWorld;
  beforeAll(async () => {
    world = await startCliWorld();
  }, 60_000);
  afterAll(async () => world?.close());

  it('exits 2 with the sentence naming the field and the fields that exist', async () => {
    const file = siteConfigFile({ properties: [4], pinField: 'Door PIN (Txt)', rfCardField: 'RF Card' });
    const r = await runCli(['sync', '--site-config', file, '--json'], world.env());
    expect(r.code, r.stderr).toBe(2);
    const out = JSON.parse(r.stdout) as { run: { outcome: string; error: string } };
    expect(out.run.outcome).toBe('failed');
    expect(out.run.error).toContain('"Door PIN (Txt)" (pinField) is not a Rent Manager user-defined field');
    expect(out.run.error).toContain('"Door PIN (Text)"');
    const text = await runCli(['sync', '--site-config', file], world.env());
    expect(text.code).toBe(2);
    expect(text.stdout + text.stderr).toContain('"Door PIN (Txt)" (pinField)');
  }, 120_000);
});
