import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseless, describeValue, firstIssue, instant, knownCase, list, looseInt, nullable, optional, readEach } from '../../../src-main/lib/wire-read';

// The shared parts both clients' wire schemas are built from (issue 13).
describe('wire-read parts', () => {
  it('absent ≡ null ≡ [] and absent ≡ undefined', () => {
    const S = z.object({ a: nullable(z.string()), b: list(z.number()), c: optional(z.boolean()) });
    expect(S.parse({})).toEqual({ a: null, b: [] });
    expect(S.parse({ a: null, b: null, c: null })).toEqual({ a: null, b: [], c: undefined });
    expect(S.parse({ a: 'x', b: [1], c: true })).toEqual({ a: 'x', b: [1], c: true });
  });

  it('whole numbers also as numeric strings, nothing else', () => {
    expect(looseInt().parse('12')).toBe(12);
    expect(looseInt().parse(' -3 ')).toBe(-3);
    expect(looseInt().safeParse('12a').success).toBe(false);
    expect(looseInt().safeParse('1.5').success).toBe(false);
  });

  it('enums in any case read in one spelling; open enums keep unknown values', () => {
    expect(caseless(['master', 'family']).parse('MASTER')).toBe('master');
    expect(caseless(['master', 'family']).safeParse('owner').success).toBe(false);
    expect(knownCase(['Current', 'Past']).parse('current')).toBe('Current');
    expect(knownCase(['Current', 'Past']).parse('Evicted')).toBe('Evicted');
    expect(knownCase(['Current']).parse(3)).toBe(3);
  });

  it('instants with any offset (or none: UTC) read as one canonical form', () => {
    const t = instant();
    for (const form of ['2026-03-01T11:00:00Z', '2026-03-01T11:00:00.000Z', '2026-03-01T12:00:00+01:00', '2026-03-01T12:00:00+0100', '2026-03-01T11:00:00', '2026-03-01 11:00:00z']) {
      expect(t.parse(form), form).toBe('2026-03-01T11:00:00.000Z');
    }
    expect(t.safeParse('yesterday').success).toBe(false);
    expect(t.safeParse('2026-13-01T00:00:00Z').success).toBe(false);
  });

  it('one unreadable item is one entry: object, field, expected, got — and a secret is never shown', () => {
    const Item = z.object({ id: z.string(), role: caseless(['master', 'family']), pin: nullable(z.string()) });
    const read = readEach(Item, [{ id: 'r1', role: 'master' }, { id: 'r2', role: 'owner' }, { role: 'family', pin: 1234 }, 'junk'], 'resident', 'GET /x');
    expect(read.items).toEqual([{ id: 'r1', role: 'master', pin: null }]);
    expect(read.unreadable).toEqual([
      { object: 'resident r2', id: 'r2', field: 'role', expected: 'one of "master", "family"', got: '"owner"' },
      { object: 'resident at position 3 of GET /x', id: null, field: 'id', expected: 'string', got: 'nothing (the field was missing)' },
      { object: 'resident at position 4 of GET /x', id: null, field: '(object)', expected: 'object', got: '"junk"' },
    ]);
    const secret = Item.safeParse({ id: 'r3', role: 'family', pin: 1234 });
    expect(secret.success || firstIssue(secret.error, { pin: 1234 })).toEqual({ field: 'pin', expected: 'string', got: 'a number (value hidden)' });
    expect(describeValue('0A1B2C3D', 'rfCards.0')).toBe('a string (value hidden)');
  });
});
