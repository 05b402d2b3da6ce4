import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rmFilter } from '../../../src-main/rentmanager/filters';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../src-main/sandbox/rentmanager/server';
import { clientFor, rejectionOf } from './helpers';

let sb: RentManagerSandbox;
let big: RentManagerSandbox;

beforeAll(async () => {
  sb = await startRentManagerSandbox({ seed: 'demo', asOf: '2026-06-15' });
  big = await startRentManagerSandbox({ seed: { units: 2_100 }, asOf: '2026-06-15' });
});
afterAll(async () => {
  await sb.close();
  await big.close();
});
afterEach(() => {
  sb.admin.faults({ share: 0 });
  sb.admin.latency(0);
  sb.admin.expireTokens();
  sb.admin.resetCounters();
});

describe('reads and paging', () => {
  it('reads every collection with its embeds, signing in once and reusing the token', async () => {
    const client = clientFor(sb);
    const [locations, properties, units, tenants, leases, fields] = [await client.locations(), await client.properties(), await client.units(), await client.tenants(), await client.leases(), await client.userDefinedFields()];
    expect(locations.rows.map((l) => l.LocationID)).toEqual([1]);
    expect(properties.rows).toHaveLength(4);
    expect(properties.rows[0]!.Addresses?.[0]?.City).toBeTruthy();
    expect(units.rows).toHaveLength(300);
    expect(tenants.rows.length).toBe(sb.admin.sizes().tenants);
    expect(tenants.rows.some((t) => (t.Contacts?.length ?? 0) > 1 && (t.UserDefinedValues?.length ?? 0) > 0 && (t.Leases?.length ?? 0) > 0)).toBe(true);
    expect(leases.rows.filter((l) => l.StartDate && l.EndDate).length).toBeGreaterThan(200);
    expect(fields.rows.find((f) => f.Name === 'Door PIN')?.FieldType).toBe('Numeric');
    expect(sb.admin.counters().signIns).toBe(1);
    await client.signOut();
    expect(sb.admin.counters()).toMatchObject({ signOuts: 1, activeTokens: 0 });
  });

  it('a multi-page read follows Link and its row count matches X-Total-Results', async () => {
    const client = clientFor(big, { auth: { kind: 'partner', partnerToken: big.partnerToken } });
    const pages: number[] = [];
    const units = await client.units({ onPage: (p) => pages.push(p.pageNumber) });
    expect(units.total).toBe(2_100);
    expect(units.rows).toHaveLength(2_100);
    expect(new Set(units.rows.map((u) => u.UnitID)).size).toBe(2_100);
    expect(pages).toEqual([1, 2, 3]);
    expect(units.pages).toBe(3);
  });

  it('204 No Content is an empty list', async () => {
    const list = await clientFor(sb).tenants({ filters: [rmFilter.eq('PropertyID', 999)] });
    expect(list).toMatchObject({ rows: [], problems: [], total: 0, pages: 1 });
  });

  it('filters are URL-encoded: in-lists, text with spaces and apostrophes, updatedSince', async () => {
    const client = clientFor(sb);
    const units = await client.units({ filters: [rmFilter.in('PropertyID', [2, 4])] });
    expect(new Set(units.rows.map((u) => u.PropertyID))).toEqual(new Set([2, 4]));
    const unitId = (await client.units({ filters: [rmFilter.eq('PropertyID', 3)] })).rows[0]!.UnitID;
    const tenantId = sb.admin.addTenant({ propertyId: 3, unitId, firstName: 'Anne Marie', lastName: "O'Brien-Smith", moveIn: '2026-06-01' });
    const named = await client.tenants({ filters: [rmFilter.eq('LastName', "O'Brien-Smith")] });
    expect(named.rows.map((t) => t.TenantID)).toEqual([tenantId]);
    sb.admin.moveOut(tenantId, '2026-06-30');
    const changed = await client.tenants({ updatedSince: '2026-06-16' });
    expect(changed.rows.map((t) => t.TenantID)).toContain(tenantId);
    expect(changed.rows.length).toBeLessThan(5);
  });

  it('a malformed row becomes a row problem; the other rows are kept', async () => {
    sb.admin.patchRow('units', 105, { Name: 12345 });
    try {
      const units = await clientFor(sb).units();
      expect(units.rows).toHaveLength(299);
      expect(units.problems).toEqual([{ collection: 'Units', id: 105, reason: expect.stringContaining('Name') }]);
    } finally {
      sb.admin.patchRow('units', 105, { Name: '106' });
    }
  });

  it('an unknown filter field is RM_BAD_FILTER with the ModelState', async () => {
    const err = await rejectionOf(clientFor(sb).units({ filters: [rmFilter.eq('Colour', 'Blue')] }));
    expect(err.code).toBe('RM_BAD_FILTER');
    expect(err.retryable).toBe(false);
    expect(JSON.stringify(err.details.ModelState)).toMatch(/not available for filtering/);
  });
});

describe('authentication', () => {
  it('partner-token mode reads without signing in', async () => {
    const client = clientFor(sb, { auth: { kind: 'partner', partnerToken: sb.partnerToken } });
    expect((await client.units()).rows).toHaveLength(300);
    expect(sb.admin.counters().signIns).toBe(0);
    const bad = await rejectionOf(clientFor(sb, { auth: { kind: 'partner', partnerToken: 'wrong' } }).units());
    expect(bad.code).toBe('RM_UNAUTHORIZED');
  });

  it('a wrong password is RM_UNAUTHORIZED after a single attempt', async () => {
    const err = await rejectionOf(clientFor(sb, { auth: { kind: 'user', username: sb.username, password: 'wrong' } }).units());
    expect(err.code).toBe('RM_UNAUTHORIZED');
    expect(err.details.UserMessage).toBe('Authentication Failed.');
    expect(sb.admin.counters().byRoute['POST /Authentication/AuthorizeUser']).toBe(1);
  });

  it('a token that died of idleness mid-read is replaced by one re-sign-in and the read completes', async () => {
    // Idle after 0.6 s: more than the gap between two pages of one read on a busy machine, less than the pause.
    const idle = await startRentManagerSandbox({ seed: { units: 2_100 }, asOf: '2026-06-15', tokenIdleMinutes: 0.01 });
    try {
      const client = clientFor(idle);
      await client.locations();
      await new Promise((r) => setTimeout(r, 1000));
      const units = await client.units();
      expect(units.rows).toHaveLength(2_100);
      expect(idle.admin.counters().signIns).toBe(2);
      expect(idle.admin.counters().byStatus['401']).toBe(1);
    } finally {
      await idle.close();
    }
  });

  it('a token revoked between two pages of one read is replaced once, without losing rows', async () => {
    const client = clientFor(big);
    big.admin.resetCounters();
    const units = await client.units({ onPage: (p) => p.pageNumber === 1 && big.admin.expireTokens() });
    expect(units.rows).toHaveLength(2_100);
    expect(big.admin.counters()).toMatchObject({ signIns: 2 });
    expect(big.admin.counters().byStatus['401']).toBe(1);
  });

  it('the 11th token of a user is RM_TOO_MANY_SESSIONS with a clear message', async () => {
    const clients = Array.from({ length: 10 }, () => clientFor(sb));
    for (const c of clients) await c.locations();
    const err = await rejectionOf(clientFor(sb).locations());
    expect(err.code).toBe('RM_TOO_MANY_SESSIONS');
    expect(err.message).toMatch(/maximum number of times/);
    expect(String(err.details.nextStep)).toMatch(/15 minutes/);
    await clients[0]!.signOut();
    expect((await clientFor(sb).locations()).rows).toHaveLength(1);
  });
});

describe('rate limits, retries, timeouts and cancellation', () => {
  it('honours a 429 by waiting for x-ratelimit-reset, then succeeds', async () => {
    const limited = await startRentManagerSandbox({ seed: { units: 10 }, requestsPerMinute: 4, rateWindowMs: 1_500 });
    try {
      const client = clientFor(limited);
      await client.locations();
      const other = { 'X-RM12Api-PartnerToken': limited.partnerToken };
      await fetch(`${limited.url}/Units`, { headers: other });
      const burn = await fetch(`${limited.url}/Units`, { headers: other });
      const reset = Number(burn.headers.get('x-ratelimit-reset')) * 1000;
      const units = await client.units();
      expect(units.rows).toHaveLength(10);
      expect(Date.now()).toBeGreaterThanOrEqual(reset);
      expect(limited.admin.counters().rateLimited).toBe(1);
      expect(client.stats().rateLimitWaits).toBe(1);
    } finally {
      await limited.close();
    }
  });

  it('stays inside its own budget: a read never sends more than requestsPerMinute in a minute', async () => {
    const client = clientFor(big, { requestsPerMinute: 2, auth: { kind: 'partner', partnerToken: big.partnerToken } });
    const controller = new AbortController();
    const read = client.units({ signal: controller.signal });
    // Its two requests of this minute go out (however busy the machine), then it must wait.
    for (let waited = 0; client.stats().requests < 2 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 500));
    controller.abort();
    expect((await rejectionOf(read)).code).toBe('CANCELLED');
    expect(client.stats().requests).toBe(2);
  });

  it('retries 5xx on reads with backoff, then succeeds', async () => {
    sb.admin.faults({ share: 1, statuses: [503, 500], times: 2 });
    const client = clientFor(sb);
    const units = await client.units();
    expect(units.rows).toHaveLength(300);
    expect(sb.admin.counters().faultsInjected).toBe(2);
    expect(client.stats().retries).toBe(2);
  });

  it('gives up after `retries` with a retryable RM_UNAVAILABLE', async () => {
    sb.admin.faults({ share: 1, statuses: [500] });
    const err = await rejectionOf(clientFor(sb, { retries: 1 }).units());
    expect(err).toMatchObject({ code: 'RM_UNAVAILABLE', retryable: true });
    expect(sb.admin.counters().faultsInjected).toBe(2);
  });

  it('times out a hanging request and retries it', async () => {
    sb.admin.faults({ share: 1, hangMs: 1_000, times: 1 });
    const client = clientFor(sb, { timeoutMs: 200 });
    await client.locations();
    const started = Date.now();
    expect((await client.units()).rows).toHaveLength(300);
    expect(Date.now() - started).toBeLessThan(1_000);
    sb.admin.faults({ share: 1, hangMs: 1_000 });
    const err = await rejectionOf(clientFor(sb, { timeoutMs: 150, retries: 1 }).units());
    expect(err.code).toBe('RM_UNAVAILABLE');
    expect(err.message).toMatch(/did not answer within/);
  });

  it('an AbortSignal cancels a request in flight', async () => {
    const client = clientFor(sb);
    await client.locations();
    sb.admin.latency(2_000);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const err = await rejectionOf(client.tenants({ signal: controller.signal }));
    expect(err.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
