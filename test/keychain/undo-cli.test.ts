import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyRef, refKey } from '../../src-shared/domain/external-ref';
import { SiteConfigSchema } from '../../src-shared/domain/policy';
import { createRentManagerClient } from '../../src-main/rentmanager/client';
import { createSmartPlusClient } from '../../src-main/smartplus/client';
import { findCommunitiesByRefs, readCommunityState } from '../../src-main/smartplus/read-snapshot';
import { rentManagerPort } from '../../src-main/sync/adapters/rentmanager-port';
import { type CliWorld, runCli, siteConfigFile, smartPlusState, startCliWorld } from '../support/cli-harness';

// Issue 15 against both sandboxes through the CLI: import, next-day changes (a move-out, a PIN
// change, an e-mail change, a new unit), `runs show`, undo of the second run → SmartPlus is back
// to its state after the import except the object changed again meanwhile (listed), and undo of
// the undo → the state after the second run. In the keychain project because the journal keeps
// PINs encrypted with the database key from the OS keychain (scripts/with-keyring.sh), which the
// CLI's separate invocations share.
const PROPERTY = 4;
const AS_OF = '2026-11-27';
const SITE = { properties: [PROPERTY], pinField: 'Door PIN', rfCardField: 'RF Card' };
const site = siteConfigFile(SITE);

let world: CliWorld;
let env: NodeJS.ProcessEnv;

type State = Awaited<ReturnType<typeof smartPlusState>>;
const family = (s: State, except: readonly string[] = []) => s.residents.filter((r) => r.role === 'family' && !except.includes(r.ref));

async function cli(args: string[], code = 0): Promise<unknown> {
  const result = await runCli(args, env);
  expect(result.code, result.stderr).toBe(code);
  return JSON.parse(result.stdout) as unknown;
}

beforeAll(async () => {
  world = await startCliWorld(AS_OF);
  env = world.env();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

describe('undo through the CLI, against both sandboxes (issue 15)', () => {
  it('undoes the next-day run back to the import, leaves what changed since, and undo of the undo redoes it', async () => {
    const sync = async () => ((await cli(['sync', '--site-config', site, '--as-of', AS_OF, '--json'])) as { run: { id: string } }).run.id;
    await sync();
    const afterImport = await smartPlusState(world, PROPERTY);

    // Next day in Rent Manager.
    const rm = await rentManagerPort(createRentManagerClient({ baseUrl: world.rm.url, corp: world.rm.corp, locationId: world.rm.location, auth: { kind: 'user', username: world.rm.username, password: world.rm.password } }))
      .readSnapshot([PROPERTY], SiteConfigSchema.parse(SITE));
    const synced = new Set(family(afterImport).map((r) => Number(/contact:(\d+)$/.exec(r.ref)![1])));
    const withAccount = rm.tenants.filter((t) => t.contacts.some((c) => synced.has(c.id)) && t.pin);
    const [leaving, repinned, renamed] = withAccount;
    world.rm.admin.moveOut(leaving!.id, '2026-11-26');
    world.rm.admin.setPin(repinned!.id, '80604020');
    const emailContact = renamed!.contacts.find((c) => synced.has(c.id))!;
    world.rm.admin.patchRow('contacts', emailContact.id, { Email: 'moved.on@example.com' });
    const unitId = world.rm.admin.addUnit({ propertyId: PROPERTY, name: 'Z-99' });
    world.rm.admin.addTenant({ propertyId: PROPERTY, unitId, firstName: 'Nora', lastName: 'Newcomer', moveIn: '2026-11-20', pin: '4455' });
    const second = await sync();
    const afterSecond = await smartPlusState(world, PROPERTY);
    expect(family(afterSecond)).not.toEqual(family(afterImport));

    // runs show: every change with why; PINs masked.
    const shown = await runCli(['runs', 'show', second, '--json'], env);
    expect(shown.code, shown.stderr).toBe(0);
    const report = JSON.parse(shown.stdout) as { changes: { action: string; why: string; person: string | null }[] };
    expect(report.changes.filter((c) => c.action === 'account-deleted').every((c) => c.why === 'Moved out on 2026-11-26.')).toBe(true);
    expect(report.changes.map((c) => c.action)).toEqual(expect.arrayContaining(['account-deleted', 'pin-changed', 'account-updated', 'apartment-created', 'account-created']));
    expect(shown.stdout).not.toMatch(/80604020|4455/);
    const text = await runCli(['runs', 'show', second], env);
    expect(text.stdout).toContain('Moved out on 2026-11-26.');

    // Someone changes the re-pinned tenant's account by hand after the run: the undo must leave it.
    const client = createSmartPlusClient({ baseUrl: world.sp.url, username: world.sp.username, password: world.sp.password });
    const ref = propertyRef({ customer: world.rm.corp, location: world.rm.location }, PROPERTY);
    const community = (await findCommunitiesByRefs(client, [ref])).get(refKey(ref))!;
    const state = await readCommunityState(client, community.id);
    const touched = state.residents.find((r) => r.pin === '80604020')!;
    await client.residents.update(touched.id, { email: 'typed.by.hand@example.com' });
    const touchedRef = refKey(touched.externalRef!);

    const dry = (await cli(['undo', '--run', second, '--dry-run', '--json'])) as { run: null; plan: { operations: unknown[] } };
    expect(dry.run).toBeNull();
    expect(dry.plan.operations.length).toBeGreaterThan(0);
    expect(family(await smartPlusState(world, PROPERTY), [touchedRef])).toEqual(family(afterSecond, [touchedRef]));

    const undone = (await cli(['undo', '--run', second, '--json'])) as { run: { id: string; trigger: string; undoOf: string; outcome: string }; plan: { problems: { reason: string; field: string | null }[] } };
    expect(undone.run).toMatchObject({ trigger: 'undo', undoOf: second, outcome: 'succeeded' });
    expect(undone.plan.problems.some((p) => p.reason.startsWith('Changed since; not undone') && /email/.test(p.reason))).toBe(true);
    const afterUndo = await smartPlusState(world, PROPERTY);
    expect(family(afterUndo, [touchedRef])).toEqual(family(afterImport, [touchedRef]));
    expect(afterUndo.residents.find((r) => r.ref === touchedRef)).toMatchObject({ email: 'typed.by.hand@example.com', pin: '80604020' });
    expect(afterUndo.duplicates).toEqual([]);

    const shownUndo = (await cli(['runs', 'show', second, '--json'])) as { undoneBy: string[] };
    expect(shownUndo.undoneBy).toEqual([undone.run.id]);

    const redone = (await cli(['undo', '--run', undone.run.id, '--json'])) as { run: { undoOf: string; outcome: string } };
    expect(redone.run).toMatchObject({ undoOf: undone.run.id, outcome: 'succeeded' });
    const afterRedo = await smartPlusState(world, PROPERTY);
    expect(family(afterRedo, [touchedRef])).toEqual(family(afterSecond, [touchedRef]));
  }, 240_000);
});
