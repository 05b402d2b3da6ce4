import { describe, expect, it } from 'vitest';
import type { Order } from '../../../src-shared/domain/billing';
import { EMPTY_COUNTS } from '../../../src-shared/domain/run';
import { dbWithSite } from './fixtures';

const rmConnection = {
  kind: 'rentmanager' as const,
  label: 'Acme Properties',
  companyCode: 'acme',
  locationId: 1,
  baseUrl: 'https://acme.api.rentmanager.com',
  authKind: 'api-user' as const,
  username: 'sitesync-api',
  isSandbox: false,
};

describe('ConnectionsRepo', () => {
  it('keeps non-secret settings; a new connection is missing its secret until told otherwise', async () => {
    const local = await dbWithSite();
    const saved = local.connections.save(rmConnection);
    expect(saved).toMatchObject({ ...rmConnection, status: 'missing' });
    local.connections.setStatus(saved.id, 'configured');
    local.connections.save({ ...rmConnection, id: saved.id, label: 'Acme (renamed)' });
    expect(local.connections.get(saved.id)).toMatchObject({ label: 'Acme (renamed)', status: 'configured' });
    local.connections.save({ ...rmConnection, kind: 'smartplus', label: 'Sandbox SmartPlus', companyCode: null, locationId: null, authKind: 'smartplus-account', isSandbox: true });
    expect(local.connections.list().map((c) => c.label)).toEqual(['Acme (renamed)', 'Sandbox SmartPlus']);
    expect(local.connections.delete(saved.id)).toBe(true);
    expect(local.connections.get(saved.id)).toBeNull();
  });

  it('has no column that could hold a secret', async () => {
    const local = await dbWithSite();
    const columns = (local.db.prepare('PRAGMA table_info(connections)').all() as { name: string }[]).map((c) => c.name);
    expect(columns.filter((c) => /password|token|secret/i.test(c))).toEqual([]);
  });

  it('rejects settings that fail the schema', async () => {
    const local = await dbWithSite();
    expect(() => local.connections.save({ ...rmConnection, baseUrl: 'not a url' })).toThrow();
  });

  it('keeps customers linked to their connection', async () => {
    const local = await dbWithSite();
    const c = local.connections.save(rmConnection);
    local.connections.saveCustomer({ id: 'cust-1', name: 'Acme', connectionId: c.id, isSandbox: false });
    expect(local.connections.listCustomers()).toEqual([{ id: 'cust-1', name: 'Acme', connectionId: c.id, isSandbox: false }]);
  });
});

describe('SitesRepo', () => {
  it('fills policy defaults, validates updates, and lists summaries with the last run', async () => {
    const local = await dbWithSite();
    const site = local.sites.get('site-1')!;
    expect(site.policy).toMatchObject({ creation: 'move-in', deletion: 'move-out', timeZone: 'America/New_York', graceDays: 0 });
    expect(local.sites.updatePolicy('site-1', { creation: 'lease-start', graceDays: 2 })).toMatchObject({ creation: 'lease-start', graceDays: 2 });
    expect(() => local.sites.updatePolicy('site-1', { timeZone: 'Mars/Olympus' })).toThrow();
    expect(local.sites.get('site-1')!.policy.creation).toBe('lease-start');
    local.sites.setSubscription('site-1', 'active', '2027-01-01T00:00:00Z');
    const run = local.runs.startRun({ siteId: 'site-1', trigger: 'import', dryRun: false, startedAt: '2026-11-27T07:00:00Z' });
    const [summary] = local.sites.listSummaries();
    expect(summary).toMatchObject({ id: 'site-1', subscription: 'active', asOf: null, apartmentCount: 0, lastRun: { id: run.id, outcome: 'running' } });
  });
});

describe('RunsRepo', () => {
  it('records a run, its problems and its journal, and finds the last completed run', async () => {
    const local = await dbWithSite();
    const run = local.runs.startRun({ id: 'r1', siteId: 'site-1', trigger: 'scheduled', dryRun: false, startedAt: '2026-11-27T07:00:00Z' });
    expect(run).toMatchObject({ outcome: 'running', endedAt: null, counts: EMPTY_COUNTS, problemCount: 0 });
    expect(local.runs.lastCompletedRunAt('site-1')).toBeNull();
    local.runs.addProblems('r1', [
      { kind: 'missing-email', severity: 'warning', propertyId: 12, unitId: 1, tenantId: 2, contactId: 3, subject: 'A B', field: 'email', value: null, reason: 'no e-mail' },
    ]);
    local.runs.addProblems('r1', [
      { kind: 'held-back-deletion', severity: 'warning', propertyId: 12, unitId: 1, tenantId: 2, contactId: 3, subject: 'A B', field: null, value: null, reason: 'held back' },
    ]);
    local.runs.appendJournal('r1', { key: 'create:unit:1', status: 'started', data: { op: 'create-apartment' }, at: '2026-11-27T07:00:01Z' });
    local.runs.appendJournal('r1', { key: 'create:unit:1', status: 'succeeded', data: { id: 'apt-1' }, at: '2026-11-27T07:00:02Z' });
    local.runs.appendJournal('r1', { key: 'create:unit:2', status: 'started', at: '2026-11-27T07:00:03Z' });
    const done = local.runs.finishRun('r1', { outcome: 'held-back', endedAt: '2026-11-27T07:05:00Z', counts: { ...EMPTY_COUNTS, apartments: 2 }, heldBackCount: 1 });
    expect(done).toMatchObject({ outcome: 'held-back', problemCount: 2, heldBackCount: 1, counts: { apartments: 2 } });
    expect((await local.runs.listProblems('r1')).map((p) => p.kind)).toEqual(['missing-email', 'held-back-deletion']);
    expect(local.runs.listJournal('r1').map((j) => [j.seq, j.key, j.status])).toEqual([
      [1, 'create:unit:1', 'started'],
      [2, 'create:unit:1', 'succeeded'],
      [3, 'create:unit:2', 'started'],
    ]);
    expect(local.runs.latestStatusByKey('site-1')).toEqual(new Map([['create:unit:1', 'succeeded'], ['create:unit:2', 'started']]));
    expect(local.runs.lastCompletedRunAt('site-1')).toBe('2026-11-27T07:00:00Z');
    expect((await local.runs.listRuns('site-1')).map((r) => r.id)).toEqual(['r1']);
  });

  it('reads a run\'s error-level problems from its problems (issue 16: "Synced with problems" is derived)', async () => {
    const local = await dbWithSite();
    local.runs.startRun({ id: 'r1', siteId: 'site-1', trigger: 'scheduled', dryRun: false, startedAt: '2026-11-27T07:00:00Z' });
    const base = { propertyId: 12, unitId: 1, tenantId: 2, contactId: 3, subject: 'A B', field: null, value: null, reason: 'r' };
    local.runs.addProblems('r1', [
      { ...base, kind: 'duplicate-pin', severity: 'error' },
      { ...base, kind: 'missing-email', severity: 'warning' },
      { ...base, kind: 'unit-not-synced', severity: 'info' },
    ]);
    local.runs.finishRun('r1', { outcome: 'succeeded', endedAt: '2026-11-27T07:05:00Z', counts: EMPTY_COUNTS });
    expect((await local.runs.getRun('r1'))?.errorCount).toBe(1);
    expect((await local.runs.listRuns('site-1'))[0]?.errorCount).toBe(1);
    expect(local.runs.finishedSince('2026-11-27T00:00:00Z')[0]?.errorCount).toBe(1);
  });

  it('marks runs left running by a crash as interrupted', async () => {
    const local = await dbWithSite();
    local.runs.startRun({ id: 'r1', siteId: 'site-1', trigger: 'manual', dryRun: false, startedAt: '2026-11-27T07:00:00Z' });
    expect(local.runs.markInterrupted('2026-11-27T08:00:00Z')).toBe(1);
    expect(await local.runs.getRun('r1')).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/interrupted/) });
    expect(local.runs.lastCompletedRunAt('site-1')).toBeNull();
  });
});

describe('OutboxRepo, ReceiptsRepo, MetaRepo', () => {
  it('queues device additions in order and keeps every status', async () => {
    const local = await dbWithSite();
    const device = { name: 'Lobby', type: 0 as const, mac: '0C1105AABBCC', location: { scope: 'community' as const } };
    const a = local.outbox.enqueue('site-1', device);
    const b = local.outbox.enqueue('site-1', { ...device, mac: '0C1105AABBCD' });
    expect(() => local.outbox.enqueue('site-1', { ...device, mac: '0c:11' })).toThrow();
    local.outbox.markSending(a.id);
    local.outbox.markSent(a.id, 'dev-1');
    local.outbox.markSending(b.id);
    local.outbox.markFailed(b.id, 'SP_MAC_NOT_REGISTERED', 'This MAC is not registered with Akuvox.');
    expect(local.outbox.list().map((i) => [i.status, i.attempts, i.deviceId, i.errorCode])).toEqual([
      ['sent', 1, 'dev-1', null],
      ['failed', 1, null, 'SP_MAC_NOT_REGISTERED'],
    ]);
    expect(local.outbox.hasMac('0C1105AABBCC')).toBe(true);
    expect(local.outbox.hasMac('0C1105AABBCD')).toBe(false);
    local.outbox.requeue(b.id);
    expect(local.outbox.list({ statuses: ['queued'] }).map((i) => i.id)).toEqual([b.id]);
    expect(local.outbox.remove(b.id)).toBe(true);
  });

  it('keeps receipts from orders and rejects anything else', async () => {
    const local = await dbWithSite();
    const order: Order = {
      id: 'ord-1',
      status: 'succeeded',
      amount: 12000,
      currency: 'USD',
      createdAt: '2026-11-27T10:00:00Z',
      lines: [{ service: 'integration', description: 'Integration, 12 months', quantity: 1, months: 12, unitAmount: 1000, amount: 12000 }],
      subscription: { id: 'sub-1', service: 'integration', status: 'active', renewal: 'auto', months: 12, currentPeriodEnd: '2027-11-27T00:00:00Z' },
    };
    local.receipts.save(order, 'site-1');
    local.receipts.save(order, 'site-1');
    expect(local.receipts.list()).toEqual([order]);
    const withCard = { ...order, id: 'ord-2', card: { number: '4242424242424242' } } as unknown as Order;
    local.receipts.save(withCard);
    expect(JSON.stringify(local.db.prepare('SELECT * FROM receipts').all())).not.toContain('4242424242424242');
  });

  it('keeps receipts per SmartPlus account: the same order ID in two accounts is two receipts, and an account claims its copy kept without one', async () => {
    const local = await dbWithSite();
    const order: Order = { id: 'ord_1', status: 'succeeded', amount: 4900, currency: 'USD', createdAt: '2026-11-27T10:00:00Z', lines: [] };
    const other: Order = { ...order, amount: 9800, createdAt: '2026-11-28T10:00:00Z' };
    local.receipts.save(order, 'site-1');
    local.receipts.save(order, null, 'north');
    local.receipts.save(other, null, 'south');
    expect(local.receipts.list(100, { id: 'north', withUnrecorded: true })).toEqual([order]);
    expect(local.receipts.list(100, { id: 'south', withUnrecorded: false })).toEqual([other]);
    expect(local.receipts.list()).toEqual([other, order]);
    // The claimed copy keeps the site it was paid for.
    expect(local.db.prepare('SELECT account_id, site_id FROM receipts ORDER BY account_id').all()).toEqual([
      { account_id: 'north', site_id: 'site-1' },
      { account_id: 'south', site_id: null },
    ]);
  });

  it('an account claims only the same order kept without one, not another account\'s order of the same ID', async () => {
    const local = await dbWithSite();
    const mine: Order = { id: 'ord_1', status: 'succeeded', amount: 4900, currency: 'USD', createdAt: '2026-11-27T10:00:00Z', lines: [] };
    const theirs: Order = { ...mine, amount: 9800, createdAt: '2026-11-28T10:00:00Z' };
    local.receipts.save(mine, 'site-1');
    local.receipts.save(theirs, null, 'south');
    expect(local.receipts.list(100, { id: 'north', withUnrecorded: true })).toEqual([mine]);
    expect(local.receipts.list(100, { id: 'south', withUnrecorded: false })).toEqual([theirs]);
  });

  it('stores meta values', async () => {
    const local = await dbWithSite();
    expect(local.meta.get('sandbox.seeded')).toBeNull();
    local.meta.set('sandbox.seeded', 'demo');
    local.meta.set('sandbox.seeded', 'demo-2');
    expect(local.meta.get('sandbox.seeded')).toBe('demo-2');
    expect(local.meta.delete('sandbox.seeded')).toBe(true);
  });
});
