import { describe, expect, it } from 'vitest';
import { createApartmentsService } from '../../../src-main/features/apartments-service';
import { createLogger } from '../../../src-main/logging/logger';
import { community, dbWithSite, resident } from '../db/fixtures';

// The resident search across all sites (issue 16), over a real SQLite local copy: two sites,
// residents with PINs and RF cards; the service runs with the network off.
async function twoSites() {
  const local = await dbWithSite();
  local.sites.create({ id: 'site-2', name: 'Riverside Lofts', customerId: null, connectionId: null, propertyId: 13 });
  const maple = community(12);
  maple.residents.push(resident('apt-1004', 1004, 7, { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com', pin: '482913', rfCards: ['0A1B2C3D'] }));
  local.siteState.saveSiteState('site-1', maple, '2026-11-27T07:00:00Z');
  const river = community(3);
  river.community = { ...river.community, id: 'com-2', name: 'Riverside Lofts' };
  river.apartments = river.apartments.map((a) => ({ ...a, id: `r-${a.id}`, masterAccountId: `r-${a.masterAccountId}` }));
  river.residents = river.residents.map((r) => ({ ...r, id: `r-${r.id}`, apartmentId: `r-${r.apartmentId}` }));
  river.residents.push(resident('r-apt-1001', 1001, 8, { id: 'r-res-8', firstName: 'John', lastName: 'Doe', email: 'jd@example.org', pin: '777001' }));
  local.siteState.saveSiteState('site-2', river, '2026-11-27T07:00:00Z');
  const service = createApartmentsService({ db: local, log: createLogger({ write: () => {} }, { level: 'error' }), sync: { runSite: () => Promise.reject(new Error('no sync here')) }, isOnline: () => false });
  return { local, service };
}

describe('apartments.searchResidents over the local copy', () => {
  it('finds residents of every site by name, full name, e-mail or unit, with site and apartment to open', async () => {
    const { service } = await twoSites();
    const doe = service.searchResidents('doe');
    expect(doe.matches.map((m) => [m.siteName, m.apartmentName, `${m.firstName} ${m.lastName}`])).toEqual([
      ['Maple Court', '105', 'Jane Doe'],
      ['Riverside Lofts', '102', 'John Doe'],
    ]);
    expect(doe.matches[0]).toMatchObject({ siteId: 'site-1', apartmentId: 'apt-1004', email: 'jane.doe@example.com' });
    expect(service.searchResidents('Jane D').matches.map((m) => m.residentId)).toEqual(['res-7']);
    expect(service.searchResidents('JD@EXAMPLE').matches.map((m) => m.residentId)).toEqual(['r-res-8']);
    const unit = service.searchResidents('105');
    expect(unit.matches.every((m) => m.apartmentName === '105')).toBe(true);
    expect(unit.matches.map((m) => m.siteName)).toEqual(['Maple Court', 'Maple Court']);
  });

  it('never returns PINs, card numbers or main accounts', async () => {
    const { service } = await twoSites();
    const all = service.searchResidents('example');
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/482913|777001|0A1B2C3D|AB1/i);
    expect(text).not.toMatch(/"pin|card/i);
    expect(all.matches.some((m) => m.residentId.startsWith('master-') || m.residentId.startsWith('r-master-'))).toBe(false);
    expect(service.searchResidents('Unit').matches).toEqual([]);
  });

  it('returns at most 50 and says there are more; refuses fewer than 2 characters; treats % and _ literally', async () => {
    const { local, service } = await twoSites();
    local.siteState.saveSiteState('site-1', community(80), '2026-11-27T07:00:00Z');
    const many = service.searchResidents('first');
    expect(many.matches).toHaveLength(50);
    expect(many.more).toBe(true);
    expect(service.searchResidents('John').more).toBe(false);
    expect(() => service.searchResidents(' a ')).toThrow(/at least 2 characters/);
    expect(service.searchResidents('%%').matches).toEqual([]);
    expect(service.searchResidents('t_').matches).toEqual([]);
  });
});
