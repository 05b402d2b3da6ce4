import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { propertyRef } from '../../../src-shared/domain/external-ref';
import { SiteConfigSchema, type SiteConfig } from '../../../src-shared/domain/policy';
import { createRentManagerClient } from '../../../src-main/rentmanager/client';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';
import { SEED_UDF } from '../../../src-main/sandbox/rentmanager/seed';
import { startSmartPlusSandbox, type SmartPlusSandbox } from '../../../src-main/sandbox/smartplus';
import { createSmartPlusClient } from '../../../src-main/smartplus/client';
import { rentManagerPort } from '../../../src-main/sync/adapters/rentmanager-port';
import { smartPlusPort } from '../../../src-main/sync/adapters/smartplus-port';
import { runSiteSync } from '../../../src-main/sync/engine';
import type { SyncPorts } from '../../../src-main/sync/ports';
import { MemoryJournal, MemoryRunStore } from '../../fakes/memory-stores';
import { startRewritingProxy, withoutNulls, type Rewrite, type RewritingProxy } from '../../support/rewriting-proxy';

// Issue 13 end to end: the engine against both sandboxes, with a proxy in front of SmartPlus that
// answers as the servers in the field did. Property 4 of the demo seed (28 units).
const TODAY = '2026-06-01';
let rmSandbox: RentManagerSandbox;
const closers: { close(): Promise<void> }[] = [];

async function smartPlus(): Promise<SmartPlusSandbox> {
  const sb = await startSmartPlusSandbox({ requestsPerSecond: 10_000 });
  sb.admin.activateIntegration(12);
  closers.push(sb);
  return sb;
}

async function proxy(sp: SmartPlusSandbox, rewrite: Rewrite): Promise<RewritingProxy> {
  const p = await startRewritingProxy(sp.url, rewrite);
  closers.push(p);
  return p;
}

function ports(spUrl: string, sp: SmartPlusSandbox): SyncPorts {
  const rm = createRentManagerClient({
    baseUrl: rmSandbox.url, corp: rmSandbox.corp, locationId: rmSandbox.location,
    auth: { kind: 'user', username: rmSandbox.username, password: rmSandbox.password }, requestsPerMinute: 100_000, timeoutMs: 5_000,
  });
  const client = createSmartPlusClient({ baseUrl: spUrl, username: sp.username, password: sp.password, requestsPerSecond: 10_000, timeoutMs: 5_000 });
  return { rentManager: rentManagerPort(rm), smartPlus: smartPlusPort(client), journal: new MemoryJournal(), runs: new MemoryRunStore() };
}

const config: SiteConfig = SiteConfigSchema.parse({ properties: [4], pinField: SEED_UDF.doorPinText, rfCardField: SEED_UDF.rfCardText });
const sync = (p: SyncPorts) => runSiteSync({ site: { id: 'field-site' }, config, ports: p, trigger: 'manual', today: TODAY, concurrency: 4 });

beforeAll(async () => {
  rmSandbox = await startRentManagerSandbox({ seed: 'demo', asOf: TODAY, requestsPerMinute: 100_000 });
});
afterEach(() => rmSandbox.admin.reset());
afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()));
  await rmSandbox.close();
});

describe('the engine against servers that answer in the other legal shapes', () => {
  it('the first import succeeds against a SmartPlus that leaves out null fields (it failed at the first community: no `address` key)', async () => {
    const sp = await smartPlus();
    const via = await proxy(sp, (_m, _p, body) => withoutNulls(body));
    const first = await sync(ports(via.url, sp));
    expect(first.run.error).toBeNull();
    expect(first.run.outcome).toBe('succeeded');
    expect(first.run.counts.communities).toBe(1);
    expect(first.run.counts.apartments).toBe(28);
    expect((await sync(ports(via.url, sp))).applied).toEqual([]);
  });

  it('later syncs succeed where masters and hand-made members have no `externalRef` key (every later sync failed)', async () => {
    const sp = await smartPlus();
    const via = await proxy(sp, (_m, _p, body) => withoutNulls(body, new Set(['externalRef'])));
    expect((await sync(ports(via.url, sp))).run.outcome).toBe('succeeded');
    const again = await sync(ports(via.url, sp));
    expect(again.run.outcome).toBe('succeeded');
    expect(again.applied).toEqual([]);
  });

  it('one unreadable resident is one problem line; that community deletes nothing this run, and the run is partial', async () => {
    const sp = await smartPlus();
    expect((await sync(ports(sp.url, sp))).run.outcome).toBe('succeeded');
    const rm = await ports(sp.url, sp).rentManager.readSnapshot([4], config);
    const tenant = rm.tenants.find((t) => t.contacts.length > 0 && t.leases.some((l) => l.unitId !== null && l.moveOut === null))!;
    rmSandbox.admin.moveOut(tenant.id, '2026-05-01');
    const site = await ports(sp.url, sp).smartPlus.readSite([propertyRef(rm.origin, 4)]);
    const victim = site.communities[0]!.residents.find((r) => r.role === 'family')!;
    const via = await proxy(sp, (_m, path, body) =>
      path.endsWith('/residents') ? { ...(body as object), items: (body as { items: { id: string }[] }).items.map((r) => (r.id === victim.id ? { ...r, apartmentId: 42 } : r)) } : body);

    const held = await sync(ports(via.url, sp));
    expect(held.run.outcome).toBe('partial');
    expect(held.run.counts.accountsDeleted).toBe(0);
    const line = held.problems.find((p) => p.kind === 'unreadable-object');
    expect(line).toMatchObject({ severity: 'error', propertyId: 4, subject: `resident ${victim.id}`, field: 'apartmentId', value: 'number 42' });
    expect(line?.reason).toContain('Save a diagnostics report');
    expect(held.run.error).toContain(`resident ${victim.id} (field apartmentId)`);

    const direct = await sync(ports(sp.url, sp));
    expect(direct.run.counts.accountsDeleted).toBeGreaterThan(0);
  });

  it('a SmartPlus 422 names the refused field, the tenant and the value sent', async () => {
    const sp = await smartPlus();
    const rm = await ports(sp.url, sp).rentManager.readSnapshot([4], config);
    const tenant = rm.tenants.find((t) => t.leases.some((l) => l.unitId !== null && l.moveIn !== null && l.moveIn <= TODAY && l.moveOut === null) && t.contacts.length > 0)!;
    const contact = tenant.contacts[0]!;
    rmSandbox.admin.patchRow('contacts', contact.id, { Email: 'jane@@example' });
    const run = await sync(ports(sp.url, sp));
    expect(run.run.outcome).toBe('partial');
    const line = run.problems.find((p) => p.kind === 'operation-failed' && p.contactId === contact.id);
    expect(line).toMatchObject({ field: 'email', value: 'jane@@example', tenantId: tenant.id });
    expect(line?.reason).toContain('SmartPlus refused the email "jane@@example" of');
    expect(line?.reason).toContain(`(tenant ${tenant.displayId ?? tenant.id})`);
  });

  it('a numeric applicant type holds back only its property: the contact is one row problem, its account is not deleted', async () => {
    const sp = await smartPlus();
    expect((await sync(ports(sp.url, sp))).run.outcome).toBe('succeeded');
    const rm = await ports(sp.url, sp).rentManager.readSnapshot([4], config);
    const tenant = rm.tenants.find((t) => t.contacts.length > 0 && t.leases.some((l) => l.unitId !== null && l.moveOut === null))!;
    const contact = tenant.contacts[0]!;
    rmSandbox.admin.patchRow('contacts', contact.id, { ApplicantType: 2 });
    const run = await sync(ports(sp.url, sp));
    expect(run.run.outcome).toBe('partial');
    expect(run.run.counts.accountsDeleted).toBe(0);
    expect(run.problems.find((p) => p.kind === 'malformed-row')).toMatchObject({ propertyId: 4, field: 'ApplicantType' });
  });
});
