import { describe, expect, it } from 'vitest';
import { mergeShapes, pathTemplate, ShapeRecorder, shapeOf } from '../../../src-main/logging/response-shapes';

describe('shapeOf', () => {
  it('gives type names for leaves and never a value', () => {
    expect(shapeOf('Jane Doe')).toBe('string');
    expect(shapeOf(4711)).toBe('number');
    expect(shapeOf(false)).toBe('boolean');
    expect(shapeOf(null)).toBe('null');
    expect(shapeOf(undefined)).toBe('absent');
  });

  it('keeps nested objects key by key, in the order the server sent them', () => {
    const shape = shapeOf({ id: 'res_1', firstName: 'Jane', address: { street: 'Elm 1', zip: null }, pin: '4711', active: true });
    expect(shape).toEqual({ id: 'string', firstName: 'string', address: { street: 'string', zip: 'null' }, pin: 'string', active: 'boolean' });
    expect(Object.keys(shape as object)).toEqual(['id', 'firstName', 'address', 'pin', 'active']);
    expect(JSON.stringify(shape)).not.toMatch(/Jane|Elm|4711|res_1/);
  });

  it('merges array elements: unions of types, `?` on keys only some elements carry', () => {
    const shape = shapeOf({
      items: [
        { id: 1, email: 'a@example.com', floor: 2 },
        { id: 2, email: null, floor: '3' },
        { id: 3, floor: 4, rfCards: ['123'] },
      ],
    });
    expect(shape).toEqual({ items: [{ id: 'number', 'email?': 'null | string', floor: 'number | string', 'rfCards?': ['string'] }] });
  });

  it('tells absent from null: a key left out is `?`, a key sent as null is "null"', () => {
    expect(shapeOf([{ address: null }, { address: 'x' }])).toEqual([{ address: 'null | string' }]);
    expect(shapeOf([{ address: 'x' }, {}])).toEqual([{ 'address?': 'string' }]);
    expect(shapeOf([{}, { address: 'x' }])).toEqual([{ 'address?': 'string' }]);
  });

  it('shows empty arrays, arrays of arrays and mixed elements', () => {
    expect(shapeOf({ accessGroupIds: [] })).toEqual({ accessGroupIds: [] });
    expect(shapeOf([[1, 2], [], ['a']])).toEqual([['number | string']]);
    expect(shapeOf([1, { a: 1 }, null])).toEqual(['null | number | object']);
    expect(shapeOf([[], []])).toEqual([[]]);
  });

  it('replaces keys that are data (an e-mail, an ID) and stops at a depth', () => {
    expect(shapeOf({ 'jane@example.com': 1, '12345': true, name: 'x' })).toEqual({ '<key>': 'boolean | number', name: 'string' });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 20; i++) deep = { next: deep };
    expect(JSON.stringify(shapeOf(deep))).toContain('"…"');
  });
});

describe('mergeShapes', () => {
  it('keeps `?` once a key was optional on either side', () => {
    expect(mergeShapes({ 'a?': 'string' }, { a: 'null' })).toEqual({ 'a?': 'null | string' });
    expect(mergeShapes('string', 'string')).toBe('string');
    expect(mergeShapes({ a: 'string' }, ['number'])).toBe('array | object');
  });
});

describe('pathTemplate', () => {
  it('replaces IDs in paths by :id and drops the query', () => {
    expect(pathTemplate('/communities/com_12/apartments?page=2')).toBe('/communities/:id/apartments');
    expect(pathTemplate('/residents/res_000042/pin')).toBe('/residents/:id/pin');
    expect(pathTemplate('/apartments/3f2b9c1e-0a4d-4e8b-9a77-1d2c3b4a5f60')).toBe('/apartments/:id');
    expect(pathTemplate('/Tenants')).toBe('/Tenants');
    expect(pathTemplate('/Authentication/AuthorizeUser')).toBe('/Authentication/AuthorizeUser');
    expect(pathTemplate('/billing/payment-methods/pm_7')).toBe('/billing/payment-methods/:id');
  });
});

describe('ShapeRecorder', () => {
  it('keeps the last answer per client and endpoint template', () => {
    let t = 0;
    const recorder = new ShapeRecorder(() => new Date(Date.UTC(2026, 10, 27, 10, 0, t++)));
    const sp = recorder.sink('smartplus');
    sp.record('GET', '/communities/com_1/apartments', 200, { items: [{ name: 'A', floor: 1 }] });
    sp.record('GET', '/communities/com_2/apartments', 200, { items: [] });
    recorder.sink('rentmanager').record('GET', '/Tenants', 200, [{ TenantID: 1 }]);
    const entries = recorder.entries();
    expect(entries.map((e) => e.endpoint)).toEqual(['rentmanager GET /Tenants', 'smartplus GET /communities/:id/apartments']);
    expect(entries[1]).toMatchObject({ status: 200, shape: { items: [] }, at: '2026-11-27T10:00:01.000Z' });
  });

  it('loads entries kept earlier, the newer answer winning', () => {
    const recorder = new ShapeRecorder(() => new Date('2026-11-27T10:00:00Z'));
    recorder.sink('smartplus').record('GET', '/account', 200, { id: 'x' });
    recorder.load([
      { endpoint: 'smartplus GET /account', status: 500, at: '2026-11-26T00:00:00.000Z', shape: 'null' },
      { endpoint: 'rentmanager GET /Units', status: 200, at: '2026-11-26T00:00:00.000Z', shape: [] },
    ]);
    expect(recorder.entries()).toEqual([
      { endpoint: 'rentmanager GET /Units', status: 200, at: '2026-11-26T00:00:00.000Z', shape: [] },
      { endpoint: 'smartplus GET /account', status: 200, at: '2026-11-27T10:00:00.000Z', shape: { id: 'string' } },
    ]);
  });
});
