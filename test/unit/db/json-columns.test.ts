import { describe, expect, it } from 'vitest';
import { dbWithSite } from './fixtures';

describe('JSON columns are parsed with their schema, not cast', () => {
  it('reads a community written by the mirror', async () => {
    const local = await dbWithSite();
    local.db.prepare('INSERT INTO communities (site_id, id, json) VALUES (?, ?, ?)').run('site-1', 'c-1', JSON.stringify({ buildings: [{ id: 'b-1', name: 'Building 1' }], accessGroups: [] }));
    expect(local.devices.community('site-1')).toEqual({ id: 'c-1', buildings: [{ id: 'b-1', name: 'Building 1' }] });
  });

  it('refuses a community whose buildings are not a list, naming the column', async () => {
    const local = await dbWithSite();
    local.db.prepare('INSERT INTO communities (site_id, id, json) VALUES (?, ?, ?)').run('site-1', 'c-1', JSON.stringify({ buildings: 'Building 1' }));
    expect(() => local.devices.community('site-1')).toThrow(/communities\.json/);
  });

  it('refuses a column that is not JSON at all', async () => {
    const local = await dbWithSite();
    local.db.prepare('INSERT INTO communities (site_id, id, json) VALUES (?, ?, ?)').run('site-1', 'c-1', '{not json');
    expect(() => local.devices.community('site-1')).toThrow(/communities\.json holds text that is not JSON/);
  });
});
