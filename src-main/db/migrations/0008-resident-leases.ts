import type { Migration } from '../migrate';

/**
 * The Rent Manager lease dates behind each synced family member (issue 16): the four dates of
 * every lease its tenant holds on its unit, as JSON, so that a paused site can say which removals
 * have come due since the last sync under the site's current policy (deletion date, grace days),
 * with the planner's own window rules. Null for rows saved before this migration (their
 * `access_until` is the fallback).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'resident-leases',
  up(db) {
    db.exec('ALTER TABLE residents ADD COLUMN leases_json TEXT');
  },
};
