import type { Migration } from '../migrate';

/**
 * How a site adopted a hand-made SmartPlus community (issue 16): the community and building the
 * installer chose and the answers to the review (JSON, `SiteAdoptionSchema`); null for a site
 * whose community SiteSync created.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'site-adoption',
  up(db) {
    db.exec('ALTER TABLE sites ADD COLUMN adoption_json TEXT');
  },
};
