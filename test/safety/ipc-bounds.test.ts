import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dispatch, type HandlerMap } from '../../src-main/ipc/dispatch';
import { CALLS } from '../../src-shared/ipc/contract';
import { BOUNDS, MAX_PAYLOAD_UNITS, payloadTooLarge } from '../../src-shared/ipc/contract/bounds';
import { INVOKE_CHANNELS } from '../../src-shared/ipc/channels';

type Def = { type: string; [k: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const hasMax = (def: Def) => ((def.checks as { _zod: { def: { check: string } } }[] | undefined) ?? []).some((c) => ['max_length', 'length_equals'].includes(c._zod.def.check));

/** Every string, list or open value in an input schema that has no upper bound, as a path. */
function unbounded(schema: unknown, path: string, out: string[], seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'array':
      if (!hasMax(def)) out.push(`${path} (${def.type})`);
      if (def.type === 'array') unbounded(def.element, `${path}[]`, out, seen);
      break;
    case 'object':
      for (const [key, inner] of Object.entries(def.shape as Record<string, unknown>)) unbounded(inner, `${path}.${key}`, out, seen);
      break;
    case 'record':
      unbounded(def.keyType, `${path}{key}`, out, seen);
      unbounded(def.valueType, `${path}{value}`, out, seen);
      break;
    case 'union':
      (def.options as unknown[]).forEach((o, i) => unbounded(o, `${path}|${i}`, out, seen));
      break;
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      unbounded(def.innerType, path, out, seen);
      break;
    case 'pipe':
      unbounded(def.in, path, out, seen);
      break;
    case 'unknown': case 'any': case 'custom': case 'lazy': case 'tuple': case 'map': case 'set':
      out.push(`${path} (${def.type})`);
      break;
    default: // number, boolean, literal, enum, undefined, null: bounded by their type
  }
  return out;
}

/** A handler map whose every handler records that it ran (it must not, for a refused call). */
function recordingHandlers(): { handlers: HandlerMap; called: string[] } {
  const called: string[] = [];
  const handlers = Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, async () => void called.push(c)])) as unknown as HandlerMap;
  return { handlers, called };
}

const FIVE_MB = 'x'.repeat(5 * 1024 * 1024);
const ONE_MB = 'A'.repeat(1024 * 1024);
const MILLION = Array.from({ length: 1_000_000 }, (_, i) => i + 1);

async function refused(channel: string, input: unknown): Promise<string> {
  const { handlers, called } = recordingHandlers();
  const envelope = await dispatch(handlers, channel, input);
  expect(called).toEqual([]);
  if (envelope.ok) throw new Error(`${channel} accepted an oversized input`);
  expect(envelope.error.code).toBe('BAD_INPUT');
  expect(envelope.error.message.length).toBeLessThan(2000);
  return envelope.error.message;
}

describe('IPC bounds: every string and list of every input schema has a maximum', () => {
  it.each(INVOKE_CHANNELS.map((c) => [c]))('%s', (channel) => {
    expect(unbounded((CALLS as Record<string, { input: z.ZodType }>)[channel]!.input, 'input', [])).toEqual([]);
  });
});

describe('IPC bounds: a sweep of oversized payloads over every channel', () => {
  it.each(INVOKE_CHANNELS.map((c) => [c]))('%s refuses a 5 MB string, a 5 MB value in every field, a million-item list and deep nesting', async (channel) => {
    await refused(channel, FIVE_MB);
    await refused(channel, MILLION);
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    await refused(channel, deep);
    const def = defOf((CALLS as Record<string, { input: unknown }>)[channel]!.input);
    if (def.type === 'object') {
      for (const key of Object.keys(def.shape as object)) await refused(channel, { [key]: FIVE_MB });
    }
  });

  it('an object with a million keys is refused without walking it all', async () => {
    const wide = Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`k${i}`, i]));
    expect(payloadTooLarge(wide)).toContain('larger than');
    await refused('app.log', { level: 'info', message: 'x', fields: wide });
    // Building the million-key object is this test's own cost: seconds on a busy two-core machine.
  }, 120_000);
});

describe('IPC bounds: the named cases (issue 12)', () => {
  it('a 1,000,000-unit custom list is refused (sites.updatePolicy, sites.preview, sites.import)', async () => {
    expect(await refused('sites.updatePolicy', { siteId: 's1', policy: { apartments: { custom: MILLION } } })).toMatch(/too large/);
    expect(await refused('sites.preview', { connectionId: 'c', policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false }, properties: [{ propertyId: 1, units: MILLION }] })).toMatch(/too large/);
  });

  it('one unit over the Custom-list bound is refused naming the field; the bound itself is accepted', async () => {
    const over = Array.from({ length: BOUNDS.units + 1 }, (_, i) => i + 1);
    expect(await refused('sites.updatePolicy', { siteId: 's1', policy: { apartments: { custom: over } } })).toContain('policy.apartments.custom');
    const request = { connectionId: 'c', policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false }, properties: [{ propertyId: 1, units: over }] };
    expect(await refused('sites.import', request)).toContain('properties.0.units');
    expect(CALLS['sites.updatePolicy'].input.safeParse({ siteId: 's1', policy: { apartments: { custom: over.slice(1) } } }).success).toBe(true);
  });

  it('a 1 MB card-holder name is refused naming the field, and the card number is not echoed', async () => {
    const card = { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123', holder: ONE_MB };
    const billing = { company: 'Acme', contact: 'Ann', email: 'ann@example.com', address: '1 Main St', country: 'US' };
    const message = await refused('billing.pay', { renewal: 'auto', months: 12, billing, card });
    expect(message).toContain('card.holder');
    expect(message).not.toContain('4242424242424242');
    expect(await refused('billing.payApartments', { siteId: 's', apartmentIds: ['a'], months: 1, billing, card })).toContain('card.holder');
  });

  it.each([
    ['runs.get', { runId: FIVE_MB }],
    ['apartments.revealPin', { residentId: FIVE_MB }],
    ['connections.test', { id: FIVE_MB }],
    ['sync.runSite', { siteId: FIVE_MB }],
  ])('a 5 MB id is refused (%s)', async (channel, input) => {
    expect(await refused(channel, input)).toMatch(/too large/);
  });

  it.each([
    ['runs.get', { runId: 'r'.repeat(BOUNDS.id + 1) }, 'runId'],
    ['apartments.list', { siteId: 's'.repeat(BOUNDS.id + 1) }, 'siteId'],
    ['connections.saveSmartPlus', { baseUrl: 'https://sp.example', username: 'u'.repeat(BOUNDS.name + 1) }, 'username'],
    ['connections.saveSmartPlus', { baseUrl: 'https://sp.example', username: 'u', password: 'p'.repeat(BOUNDS.secret + 1) }, 'password'],
    ['connections.listLocations', { companyCode: 'acme', baseUrl: `https://x.example/${'a'.repeat(3000)}`, signIn: { kind: 'partner-token', partnerToken: 't' } }, 'baseUrl'],
    ['settings.saveSchedule', { time: '07:00', zone: 'Z'.repeat(BOUNDS.timeZone + 1), lightSyncMinutes: null }, 'zone'],
    ['devices.add', { siteId: 's', device: { name: 'Door', type: 0, mac: '0C1105AABBCC', location: { scope: 'apartment', id: 'i'.repeat(BOUNDS.id + 1) } } }, 'device.location.id'],
    ['app.log', { level: 'info', message: 'm'.repeat(BOUNDS.text + 1) }, 'message'],
    ['app.log', { level: 'info', message: 'x', fields: Object.fromEntries(Array.from({ length: BOUNDS.logFields + 1 }, (_, i) => [`f${i}`, i])) }, 'fields'],
    ['app.log', { level: 'info', message: 'x', fields: { nested: { deep: 'object' } } }, 'fields.nested'],
    ['sites.cancelImport', { siteIds: Array.from({ length: BOUNDS.properties + 1 }, (_, i) => `s${i}`) }, 'siteIds'],
    ['billing.payApartments', { siteId: 's', apartmentIds: Array.from({ length: BOUNDS.units + 1 }, (_, i) => `a${i}`), months: 1, billing: {}, card: {} }, 'apartmentIds'],
  ])('just over a bound is refused naming the field (%s %s)', async (channel, input, field) => {
    expect(await refused(channel, input)).toContain(field);
  });

  it('the payload budget is generous for real use: 20,000 apartment ids pass it', () => {
    expect(payloadTooLarge({ apartmentIds: Array.from({ length: BOUNDS.units }, () => '0b7e2f0c-4a1e-4d5c-9a51-6f4a2b1c3d4e') })).toBeNull();
    expect(MAX_PAYLOAD_UNITS).toBeGreaterThan(BOUNDS.units * 40);
  });
});
