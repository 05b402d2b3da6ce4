import { describe, expect, it } from 'vitest';
import { nextPage } from '../../../src-main/rentmanager/client';
import { encodeQuery, filtersParam, rmFilter } from '../../../src-main/rentmanager/filters';

describe('filter builder', () => {
  it('builds every operator in Rent Manager syntax, ANDed with ;', () => {
    expect(filtersParam([rmFilter.eq('Status', 'Current'), rmFilter.ne('IsActive', false), rmFilter.gt('UpdateDate', '2026-01-01'), rmFilter.ge('A', 1), rmFilter.lt('B', 2), rmFilter.le('C', 3)])).toBe('Status,eq,Current;IsActive,ne,false;UpdateDate,gt,2026-01-01;A,ge,1;B,lt,2;C,le,3');
    expect(filtersParam([rmFilter.in('PropertyID', [1, 2, 3]), rmFilter.bt('PropertyID', 1, 18)])).toBe('PropertyID,in,(1,2,3);PropertyID,bt,(1,18)');
  });

  it('refuses values Rent Manager syntax cannot carry, and empty in-lists', () => {
    expect(() => rmFilter.eq('Name', 'Smith, John')).toThrow(/cannot carry/);
    expect(() => rmFilter.eq('Name;drop', 'x')).toThrow(/field name/);
    expect(() => rmFilter.in('PropertyID', [])).toThrow(/at least one/);
  });

  it('percent-encodes the query (commas as %2C, spaces as %20)', () => {
    expect(encodeQuery({ filters: "PropertyID,in,(1,2);LastName,eq,O'Brien Smith", pageSize: 1000, fields: undefined })).toBe("filters=PropertyID%2Cin%2C(1%2C2)%3BLastName%2Ceq%2CO'Brien%20Smith&pageSize=1000");
  });
});

describe('Link header', () => {
  it('finds the next page number, case-insensitively', () => {
    const link = '<https://co.api.rentmanager.com/Tenants?pagesize=1000&PageNumber=1>; rel="first", <https://co.api.rentmanager.com/Tenants?pagesize=1000&PageNumber=2>; rel="next", <https://co.api.rentmanager.com/Tenants?pagesize=1000&PageNumber=3>; rel="last"';
    expect(nextPage(link, 1)).toBe(2);
    expect(nextPage(link.replace('PageNumber=2', 'pagenumber=2'), 1)).toBe(2);
    expect(nextPage('<https://x/T?PageNumber=3>; rel="last"', 3)).toBeNull();
    expect(nextPage(undefined, 1)).toBeNull();
    expect(nextPage('<https://x/T?PageNumber=1>; rel="next"', 1)).toBeNull();
  });
});
