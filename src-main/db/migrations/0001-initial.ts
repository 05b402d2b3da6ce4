import type { Migration } from '../migrate';

/**
 * The first schema: connections (non-secret), customers, sites, the last synced mirror of each
 * site's community, runs with problems and journal, the device outbox, receipts and meta.
 * PINs are stored only as AES-GCM ciphertext (`residents.pin_enc`); `search_text` and
 * `sort_key` are derived columns that keep the apartment list fast at 10,000 rows.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE connections (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('rentmanager', 'smartplus')),
        label TEXT NOT NULL,
        company_code TEXT,
        location_id INTEGER,
        base_url TEXT NOT NULL,
        auth_kind TEXT NOT NULL,
        username TEXT,
        is_sandbox INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'missing' CHECK (status IN ('configured', 'missing', 'rejected')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        connection_id TEXT REFERENCES connections(id) ON DELETE SET NULL,
        is_sandbox INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        customer_id TEXT REFERENCES customers(id) ON DELETE SET NULL,
        connection_id TEXT REFERENCES connections(id) ON DELETE SET NULL,
        property_id INTEGER NOT NULL,
        community_id TEXT,
        policy_json TEXT NOT NULL,
        subscription TEXT NOT NULL DEFAULT 'unknown',
        subscription_ends_at TEXT,
        created_at TEXT NOT NULL,
        as_of TEXT
      );
      CREATE UNIQUE INDEX sites_property ON sites (connection_id, property_id);

      CREATE TABLE communities (
        site_id TEXT PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        json TEXT NOT NULL
      );

      CREATE TABLE apartments (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        building_id TEXT,
        name TEXT NOT NULL,
        unit_id INTEGER,
        synced INTEGER NOT NULL,
        activated INTEGER NOT NULL,
        family_count INTEGER NOT NULL,
        family_limit INTEGER NOT NULL,
        resident_names TEXT NOT NULL,
        master_account_id TEXT,
        external_ref TEXT,
        sort_key TEXT NOT NULL,
        search_text TEXT NOT NULL
      );
      CREATE INDEX apartments_site_sort ON apartments (site_id, sort_key);
      CREATE INDEX apartments_site_unit ON apartments (site_id, unit_id);

      CREATE TABLE residents (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        apartment_id TEXT NOT NULL REFERENCES apartments(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('master', 'family')),
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        email TEXT,
        phone TEXT,
        external_ref TEXT,
        tenant_id INTEGER,
        contact_id INTEGER,
        pin_enc BLOB,
        rf_cards_json TEXT NOT NULL,
        access_group_ids_json TEXT NOT NULL,
        same_access_as_master INTEGER NOT NULL,
        applicant_type TEXT,
        access_from TEXT,
        access_until TEXT,
        access_reason TEXT
      );
      CREATE INDEX residents_apartment ON residents (apartment_id);
      CREATE INDEX residents_site ON residents (site_id);

      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type INTEGER NOT NULL,
        mac TEXT NOT NULL,
        location_scope TEXT NOT NULL,
        location_id TEXT,
        online INTEGER NOT NULL,
        last_seen_at TEXT
      );
      CREATE INDEX devices_site ON devices (site_id);
      CREATE INDEX devices_location ON devices (location_id);
      CREATE INDEX devices_mac ON devices (mac);

      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL,
        trigger TEXT NOT NULL,
        dry_run INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        outcome TEXT NOT NULL,
        counts_json TEXT NOT NULL,
        problem_count INTEGER NOT NULL DEFAULT 0,
        held_back_count INTEGER NOT NULL DEFAULT 0,
        error TEXT
      );
      CREATE INDEX runs_site_started ON runs (site_id, started_at DESC);

      CREATE TABLE problems (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        property_id INTEGER,
        unit_id INTEGER,
        tenant_id INTEGER,
        contact_id INTEGER,
        subject TEXT,
        field TEXT,
        value TEXT,
        reason TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
      CREATE INDEX problems_run_unit ON problems (run_id, unit_id);
      CREATE INDEX problems_unit ON problems (unit_id);

      CREATE TABLE journal (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        op_key TEXT NOT NULL,
        status TEXT NOT NULL,
        entry_json TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
      CREATE INDEX journal_key ON journal (op_key);

      CREATE TABLE device_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        device_json TEXT NOT NULL,
        mac TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        error_code TEXT,
        device_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX device_outbox_status ON device_outbox (status, id);

      CREATE TABLE receipts (
        id TEXT PRIMARY KEY,
        site_id TEXT,
        status TEXT NOT NULL,
        amount INTEGER NOT NULL,
        currency TEXT NOT NULL,
        created_at TEXT NOT NULL,
        next_renewal_at TEXT,
        order_json TEXT NOT NULL
      );
      CREATE INDEX receipts_created ON receipts (created_at DESC);
    `);
  },
};
