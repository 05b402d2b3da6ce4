import type { Database } from 'better-sqlite3';
import type { SecretStore } from '../secrets/secret-store';
import { openDatabase } from './database';
import { loadPinCipher } from './pin-cipher';
import { ApartmentsRepo } from './repositories/apartments-repo';
import { ConnectionsRepo } from './repositories/connections-repo';
import { MetaRepo } from './repositories/meta-repo';
import { OutboxRepo } from './repositories/outbox-repo';
import { ReceiptsRepo } from './repositories/receipts-repo';
import { RunsRepo } from './repositories/runs-repo';
import { SiteStateRepo } from './repositories/site-state-repo';
import { SitesRepo } from './repositories/sites-repo';
import { DbJournal, DbRunStore } from './repositories/sync-stores';

/** The local database with its repositories: what the composition root hands to services. */
export interface LocalDb {
  readonly db: Database;
  readonly connections: ConnectionsRepo;
  readonly sites: SitesRepo;
  readonly siteState: SiteStateRepo;
  readonly apartments: ApartmentsRepo;
  readonly runs: RunsRepo;
  readonly outbox: OutboxRepo;
  readonly receipts: ReceiptsRepo;
  readonly meta: MetaRepo;
  /** The sync engine's JournalPort. */
  readonly journal: DbJournal;
  /** The sync engine's RunStorePort. */
  readonly runStore: DbRunStore;
  close(): void;
}

/**
 * Opens (creating and migrating) the database at `file` and loads the PIN key from `secrets`
 * (creating it on first use). Fails with KEYCHAIN_UNAVAILABLE when the keychain is not
 * reachable: PINs are never stored without it.
 */
export async function openLocalDb(file: string, secrets: SecretStore, now: () => Date = () => new Date()): Promise<LocalDb> {
  const cipher = await loadPinCipher(secrets);
  const db = openDatabase(file);
  return {
    db,
    connections: new ConnectionsRepo(db, now),
    sites: new SitesRepo(db, now),
    siteState: new SiteStateRepo(db, cipher),
    apartments: new ApartmentsRepo(db),
    runs: new RunsRepo(db),
    outbox: new OutboxRepo(db, now),
    receipts: new ReceiptsRepo(db),
    meta: new MetaRepo(db),
    journal: new DbJournal(db),
    runStore: new DbRunStore(db),
    close: () => db.close(),
  };
}
