import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_EDGE_CASES, generatePortfolio, SEED_UDF } from '../../../../src-main/sandbox/rentmanager/seed';
import { startRentManagerSandbox } from '../../../../src-main/sandbox/rentmanager/server';
import { tenantStatus } from '../../../../src-main/sandbox/rentmanager/state';

const TODAY = '2026-06-15';

describe('seed generator', () => {
  it('is deterministic: same spec and date, same portfolio', () => {
    expect(JSON.stringify(generatePortfolio('demo', TODAY, TODAY))).toBe(JSON.stringify(generatePortfolio('demo', TODAY, TODAY)));
    expect(JSON.stringify(generatePortfolio({ units: 50 }, TODAY, null))).not.toBe(JSON.stringify(generatePortfolio({ units: 51 }, TODAY, null)));
  });

  it('demo: 4 properties with distinct unit counts, 300 units, past/current/future tenants', () => {
    const s = generatePortfolio('demo', TODAY, TODAY);
    const counts = s.properties.map((p) => s.units.filter((u) => u.PropertyID === p.PropertyID).length);
    expect(counts).toHaveLength(4);
    expect(new Set(counts).size).toBe(4);
    expect(s.units).toHaveLength(300);
    const statuses = s.tenants.map((t) => tenantStatus(s.leases.filter((l) => l.TenantID === t.TenantID), TODAY));
    for (const status of ['Current', 'Past', 'Future']) expect(statuses.filter((x) => x === status).length).toBeGreaterThan(5);
  });

  it('demo: roommates, guarantors and emergency contacts, and every PIN / RF edge case', () => {
    const s = generatePortfolio('demo', TODAY, TODAY);
    const types = s.contacts.map((c) => c.ApplicantType ?? 'none');
    for (const t of ['Primary', 'Occupant', 'Guarantor', 'none']) expect(types).toContain(t);
    const text = (field: number) => s.userDefinedValues.filter((v) => v.UserDefinedFieldID === field).map((v) => v.Value);
    for (const edge of DEMO_EDGE_CASES) {
      if (edge.pin) expect(text(SEED_UDF.doorPinText)).toContain(edge.pin);
      if (edge.rfCard) expect(text(SEED_UDF.rfCardText)).toContain(edge.rfCard);
    }
    expect(text(SEED_UDF.doorPinNumeric)).toContain('482.0');
    const fields = s.userDefinedFields.map((f) => `${f.Name}:${f.FieldType}`);
    expect(fields).toEqual(expect.arrayContaining(['Door PIN:Numeric', 'RF Card:Text', 'Door PIN (Text):Text']));
  });

  it('bench: 10,000 units and about 25,000 contacts by default', () => {
    const s = generatePortfolio('bench', TODAY, null);
    expect(s.units).toHaveLength(10_000);
    expect(s.contacts.length).toBeGreaterThan(23_000);
    expect(s.contacts.length).toBeLessThan(27_000);
    const counts = s.properties.map((p) => s.units.filter((u) => u.PropertyID === p.PropertyID).length);
    expect(new Set(counts).size).toBe(counts.length);
  });

  it('tenant status follows the lease dates', () => {
    expect(tenantStatus([{ MoveInDate: '2026-01-01T00:00:00' }], TODAY)).toBe('Current');
    expect(tenantStatus([{ MoveInDate: '2026-01-01T00:00:00', MoveOutDate: '2026-06-15T00:00:00' }], TODAY)).toBe('Current');
    expect(tenantStatus([{ MoveInDate: '2026-01-01T00:00:00', MoveOutDate: '2026-06-14T00:00:00' }], TODAY)).toBe('Past');
    expect(tenantStatus([{ MoveInDate: '2026-06-16T00:00:00' }], TODAY)).toBe('Future');
    expect(tenantStatus([{}], TODAY)).toBe('Future');
  });
});

describe('sandbox state and admin', () => {
  it('persists changes to the state file and reloads them after a restart', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rm-sandbox-')), 'state.json');
    const first = await startRentManagerSandbox({ seed: { units: 20 }, asOf: TODAY, stateFile: file });
    const tenantId = first.admin.addTenant({ propertyId: 1, unitId: 100, firstName: 'Persisted', lastName: 'Person', moveIn: '2026-06-01', pin: '2468' });
    await first.close();
    const second = await startRentManagerSandbox({ seed: { units: 20 }, asOf: TODAY, stateFile: file });
    try {
      const res = await fetch(`${second.url}/Tenants/${tenantId}?embeds=UserDefinedValues`, { headers: { 'X-RM12Api-PartnerToken': second.partnerToken } });
      const body = (await res.json()) as { Name: string; UserDefinedValues: { Value: string }[] };
      expect(body.Name).toBe('Persisted Person');
      expect(body.UserDefinedValues.map((v) => v.Value)).toContain('2468');
    } finally {
      await second.close();
    }
  });

  it('move-out, remove-property and faults are reachable over /__sandbox/', async () => {
    const sb = await startRentManagerSandbox({ seed: 'demo', asOf: TODAY });
    const headers = { 'X-RM12Api-PartnerToken': sb.partnerToken };
    try {
      const [tenant] = (await (await fetch(`${sb.url}/Tenants?filters=Status,eq,Current&pageSize=1`, { headers })).json()) as { TenantID: number }[];
      const moved = await fetch(`${sb.url}/__sandbox/tenants/${tenant!.TenantID}/move-out`, { method: 'POST', body: JSON.stringify({ date: '2026-06-01' }) });
      expect(moved.status).toBe(200);
      expect(((await (await fetch(`${sb.url}/Tenants/${tenant!.TenantID}`, { headers })).json()) as { Status: string }).Status).toBe('Past');
      await fetch(`${sb.url}/__sandbox/properties/2/remove`, { method: 'POST' });
      expect((await fetch(`${sb.url}/Units?filters=PropertyID,eq,2`, { headers })).status).toBe(204);
      await fetch(`${sb.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ share: 1, statuses: [503], times: 1 }) });
      expect((await fetch(`${sb.url}/Units`, { headers })).status).toBe(503);
      expect((await fetch(`${sb.url}/Units`, { headers })).status).toBe(200);
      const counters = (await (await fetch(`${sb.url}/__sandbox/counters`)).json()) as { faultsInjected: number; byStatus: Record<string, number> };
      expect(counters.faultsInjected).toBe(1);
      expect(counters.byStatus['503']).toBe(1);
      const bad = await fetch(`${sb.url}/__sandbox/tenants/1/move-out`, { method: 'POST', body: JSON.stringify({ date: 'soon' }) });
      expect(bad.status).toBe(400);
    } finally {
      await sb.close();
    }
  });
});
