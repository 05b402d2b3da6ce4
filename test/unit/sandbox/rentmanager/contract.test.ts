import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRentManagerSandbox, type RentManagerSandbox } from '../../../../src-main/sandbox/rentmanager/server';

/**
 * The sandbox's contract, written from shared/reference/rent-manager-api.md over raw HTTP (no
 * SiteSync client code), so the client and the sandbox cannot drift together. § = reference section.
 */
let sb: RentManagerSandbox;
let token: string;

async function signIn(body: Record<string, unknown> = { Username: sb.username, Password: sb.password, LocationID: 1 }): Promise<Response> {
  return fetch(`${sb.url}/Authentication/AuthorizeUser`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

function get(path: string, headers: Record<string, string> = { 'X-RM12Api-ApiToken': token }): Promise<Response> {
  return fetch(`${sb.url}${path}`, { headers });
}

beforeAll(async () => {
  sb = await startRentManagerSandbox({ seed: 'demo', asOf: '2026-06-15' });
  token = (await (await signIn()).json()) as string;
});
afterAll(() => sb.close());

describe('§3 authentication', () => {
  it('AuthorizeUser answers 200 with the token as a bare JSON string', async () => {
    const res = await signIn({ userName: sb.username, password: sb.password, LocationID: 1 });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('"') && text.endsWith('"')).toBe(true);
    expect((JSON.parse(text) as string).length).toBeGreaterThan(50);
  });

  it('a wrong password is a 401 ErrorModel', async () => {
    const res = await signIn({ Username: sb.username, Password: 'nope', LocationID: 1 });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['DeveloperMessage', 'UserMessage', 'ErrorCode', 'Exception']));
  });

  it('data calls without a token say "Missing ApiToken"; a bad token "could not be validated"', async () => {
    const missing = await get('/Properties', {});
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { DeveloperMessage: string }).DeveloperMessage).toBe('Missing ApiToken');
    const bad = await get('/Properties', { 'X-RM12Api-ApiToken': 'not-a-token' });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { DeveloperMessage: string }).DeveloperMessage).toBe('The ApiToken could not be validated.');
  });

  it('the partner token header with a location header works without any sign-in', async () => {
    const res = await get('/Properties', { 'X-RM12Api-PartnerToken': sb.partnerToken, 'X-RM12Api-LocationID': '1' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBe(4);
  });

  it('an 11th token for one user fails with "logged in maximum number of times"; DeAuthorize frees a slot', async () => {
    const local = await startRentManagerSandbox({ seed: { units: 5 } });
    try {
      const login = () => fetch(`${local.url}/Authentication/AuthorizeUser`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ Username: local.username, Password: local.password, LocationID: 1 }) });
      const tokens: string[] = [];
      for (let i = 0; i < 10; i++) tokens.push((await (await login()).json()) as string);
      const eleventh = await login();
      expect(eleventh.ok).toBe(false);
      expect(await eleventh.text()).toMatch(/logged in maximum number of times/);
      const out = await fetch(`${local.url}/Authentication/DeAuthorize?token=${encodeURIComponent(tokens[0]!)}`, { method: 'POST' });
      expect(out.status).toBe(200);
      expect((await login()).status).toBe(200);
      expect((await fetch(`${local.url}/Properties`, { headers: { 'X-RM12Api-ApiToken': tokens[0]! } })).status).toBe(401);
    } finally {
      await local.close();
    }
  });

  it('a token dies after the idle lifetime', async () => {
    const local = await startRentManagerSandbox({ seed: { units: 5 }, tokenIdleMinutes: 0.005 });
    try {
      const t = (await (await fetch(`${local.url}/Authentication/AuthorizeUser`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ Username: local.username, Password: local.password, LocationID: 1 }) })).json()) as string;
      expect((await fetch(`${local.url}/Units`, { headers: { 'X-RM12Api-ApiToken': t } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 450));
      expect((await fetch(`${local.url}/Units`, { headers: { 'X-RM12Api-ApiToken': t } })).status).toBe(401);
    } finally {
      await local.close();
    }
  });
});

describe('§3.3, §4 collections and shapes', () => {
  it('GET /Current/Locations lists locations with LocationID and Name', async () => {
    const rows = (await (await get('/Current/Locations')).json()) as { LocationID: number; Name: string }[];
    expect(rows).toEqual([expect.objectContaining({ LocationID: 1, Name: expect.any(String) })]);
  });

  it('fields are PascalCase, null fields are omitted and dates carry no offset', async () => {
    const res = await get('/Tenants?embeds=Contacts,Contacts.PhoneNumbers,Leases,UserDefinedValues&pageSize=200');
    const text = await res.text();
    expect(text).not.toContain(':null');
    const dates = [...text.matchAll(/"(\w+Date)":"([^"]+)"/g)];
    expect(dates.length).toBeGreaterThan(100);
    for (const [, , value] of dates) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    const keys = [...text.matchAll(/"([A-Za-z]+)":/g)].map((m) => m[1]!);
    for (const key of keys) expect(key[0]).toMatch(/[A-Z]/);
  });

  it('tenant Status uses Current / Past / Future; contacts carry ApplicantType and ParentID', async () => {
    const rows = (await (await get('/Tenants?embeds=Contacts')).json()) as { TenantID: number; Status: string; Contacts: { ParentID: number; ApplicantType?: string }[] }[];
    expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(['Current', 'Past', 'Future']));
    const contacts = rows.flatMap((r) => r.Contacts.map((c) => ({ ...c, tenant: r.TenantID })));
    for (const c of contacts) expect(c.ParentID).toBe(c.tenant);
    expect(new Set(contacts.map((c) => c.ApplicantType))).toEqual(new Set(['Primary', 'Occupant', 'Guarantor', 'Co-Signer', undefined]));
  });

  it('§4.5 lease StartDate/EndDate appear only with the LeaseRenewals embed', async () => {
    const plain = (await (await get('/Leases?pageSize=50')).json()) as Record<string, unknown>[];
    expect(plain.some((l) => 'StartDate' in l || 'EndDate' in l)).toBe(false);
    const embedded = (await (await get('/Leases?pageSize=50&embeds=LeaseRenewals')).json()) as Record<string, unknown>[];
    expect(embedded.filter((l) => 'StartDate' in l && 'EndDate' in l).length).toBeGreaterThan(40);
  });

  it('§4.6 UDF definitions carry ID, Name, FieldType, ParentType; tenant values carry Value as a string', async () => {
    const fields = (await (await get('/UserDefinedFields')).json()) as { Name: string; FieldType: string; ParentType: string }[];
    expect(fields).toEqual(expect.arrayContaining([expect.objectContaining({ Name: 'Door PIN', FieldType: 'Numeric', ParentType: 'Tenant' }), expect.objectContaining({ Name: 'RF Card', FieldType: 'Text' })]));
    const tenants = (await (await get('/Tenants?embeds=UserDefinedValues&pageSize=20')).json()) as { UserDefinedValues: { Value: unknown; UserDefinedFieldID: number }[] }[];
    const values = tenants.flatMap((t) => t.UserDefinedValues);
    expect(values.length).toBeGreaterThan(10);
    for (const v of values) expect(typeof v.Value).toBe('string');
  });

  it('sub-resources: /Tenants/{id}/Contacts and /Properties/{id}/Units', async () => {
    const [tenant] = (await (await get('/Tenants?pageSize=1')).json()) as { TenantID: number }[];
    const contacts = (await (await get(`/Tenants/${tenant!.TenantID}/Contacts`)).json()) as { ParentID: number }[];
    expect(contacts.every((c) => c.ParentID === tenant!.TenantID)).toBe(true);
    const units = (await (await get('/Properties/1/Units?pageSize=1000')).json()) as { PropertyID: number }[];
    expect(units.length).toBeGreaterThan(50);
    expect(units.every((u) => u.PropertyID === 1)).toBe(true);
  });
});

describe('§5 query features', () => {
  it('§5.2 fields projects; §5.3 an embed must be listed in fields too', async () => {
    const rows = (await (await get('/Tenants?fields=TenantID,Name&pageSize=5')).json()) as Record<string, unknown>[];
    for (const r of rows) expect(Object.keys(r).sort()).toEqual(['Name', 'TenantID']);
    const withEmbed = (await (await get('/Tenants?fields=TenantID,Contacts&embeds=Contacts&pageSize=5')).json()) as Record<string, unknown>[];
    expect(Object.keys(withEmbed[0]!).sort()).toEqual(['Contacts', 'TenantID']);
    const notListed = (await (await get('/Tenants?fields=TenantID&embeds=Contacts&pageSize=5')).json()) as Record<string, unknown>[];
    expect(Object.keys(notListed[0]!)).toEqual(['TenantID']);
  });

  it('§5.3 the singular `embed` is ignored (empty lists)', async () => {
    const rows = (await (await get('/Tenants?embed=Contacts&pageSize=5')).json()) as { Contacts: unknown[] }[];
    for (const r of rows) expect(r.Contacts).toEqual([]);
  });

  it('§5.4 filters: eq, ne, in with encoded commas, bt, gt on dates, AND with ;', async () => {
    const ids = async (q: string) => ((await (await get(`/Units?${q}&fields=UnitID,PropertyID`)).json()) as { UnitID: number; PropertyID: number }[]);
    expect((await ids('filters=PropertyID,eq,2')).every((u) => u.PropertyID === 2)).toBe(true);
    expect((await ids('filters=PropertyID,ne,1')).some((u) => u.PropertyID === 1)).toBe(false);
    expect(new Set((await ids('filters=PropertyID,in,(2%2C3)')).map((u) => u.PropertyID))).toEqual(new Set([2, 3]));
    expect((await ids('filters=UnitID,bt,(100%2C104)')).map((u) => u.UnitID)).toEqual([100, 101, 102, 103, 104]);
    expect((await ids('filters=PropertyID,eq,1;UnitID,lt,103')).map((u) => u.UnitID)).toEqual([100, 101, 102]);
    const tenants = (await (await get('/Tenants?filters=UpdateDate,gt,2030-01-01')).status);
    expect(tenants).toBe(204);
    const current = (await (await get('/Tenants?filters=Status,eq,Current&fields=Status')).json()) as { Status: string }[];
    expect(current.every((t) => t.Status === 'Current')).toBe(true);
  });

  it('§5.4 an unknown filter field or operator is a 400 in the ModelState shape', async () => {
    for (const q of ['filters=Colour,eq,Blue', 'filters=PropertyID,gte,1']) {
      const res = await get(`/Units?${q}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { Message: string; ModelState: { filters: string[] } };
      expect(body.Message).toBe('The request is invalid.');
      expect(body.ModelState.filters[0]).toMatch(/Error parsing filter/);
    }
  });

  it('§5.5 paging: pageSize/pageNumber, X-Total-Results, X-Results, Link next/last; names case-insensitive', async () => {
    const first = await get('/Units?pageSize=100&pageNumber=1');
    expect(first.headers.get('x-total-results')).toBe('300');
    expect(first.headers.get('x-results')).toBe('100');
    expect(first.headers.get('link')).toMatch(/PageNumber=2>; rel="next"/);
    expect(first.headers.get('link')).toMatch(/PageNumber=3>; rel="last"/);
    const last = await get('/Units?pagesize=100&PageNumber=3');
    const rows = (await last.json()) as { UnitID: number }[];
    expect(rows).toHaveLength(100);
    expect(last.headers.get('link')).not.toMatch(/rel="next"/);
    const all = new Set<number>();
    for (let p = 1; p <= 3; p++) for (const u of (await (await get(`/Units?pageSize=100&pageNumber=${p}`)).json()) as { UnitID: number }[]) all.add(u.UnitID);
    expect(all.size).toBe(300);
  });

  it('§5.5 no pageSize pages silently at 1000', async () => {
    const local = await startRentManagerSandbox({ seed: { units: 1200 } });
    try {
      const res = await fetch(`${local.url}/Units`, { headers: { 'X-RM12Api-PartnerToken': local.partnerToken } });
      expect(res.headers.get('x-total-results')).toBe('1200');
      expect(((await res.json()) as unknown[]).length).toBe(1000);
      expect(res.headers.get('link')).toMatch(/PageNumber=2>; rel="next"/);
    } finally {
      await local.close();
    }
  });

  it('§5.5 zero rows is 204 with x-total-results: 0', async () => {
    const res = await get('/Units?filters=PropertyID,eq,999');
    expect(res.status).toBe(204);
    expect(res.headers.get('x-total-results')).toBe('0');
    expect(await res.text()).toBe('');
  });
});

describe('§6 errors and limits', () => {
  it('an unknown route is 404 {Message}; a missing instance is 404 with an empty body', async () => {
    const route = await get('/Spaceships');
    expect(route.status).toBe(404);
    expect(Object.keys((await route.json()) as object)).toEqual(['Message']);
    const instance = await get('/Properties/99999999');
    expect(instance.status).toBe(404);
    expect(await instance.text()).toBe('');
  });

  it('every response carries x-ratelimit-* headers; over the limit is 429', async () => {
    const local = await startRentManagerSandbox({ seed: { units: 5 }, requestsPerMinute: 3 });
    try {
      const headers = { 'X-RM12Api-PartnerToken': local.partnerToken };
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await fetch(`${local.url}/Units`, { headers }));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(answers[1]!.headers.get('x-ratelimit-limit')).toBe('3');
      expect(answers[1]!.headers.get('x-ratelimit-remaining')).toBe('1');
      const reset = Number(answers[3]!.headers.get('x-ratelimit-reset'));
      expect(reset * 1000).toBeGreaterThan(Date.now());
      expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
      expect(answers[3]!.headers.get('x-ratelimit-resettime')).toMatch(/GMT$/);
    } finally {
      await local.close();
    }
  });
});
