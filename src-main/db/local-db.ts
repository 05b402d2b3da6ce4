import type { Database } from 'better-sqlite3';
import { isAppError } from '../../src-shared/errors';
import type { SecretStore } from '../secrets/secret-store';
import { openDatabase } from './database';
import { loadPinCipher, type PinCipher } from './pin-cipher';
import { ChangesRepo } from './repositories/changes-repo';
import { ApartmentsRepo } from './repositories/apartments-repo';
import { ResidentSearchRepo } from './repositories/resident-search-repo';
import { ConnectionsRepo } from './repositories/connections-repo';
import { DevicesRepo } from './repositories/devices-repo';
import { MetaRepo } from './repositories/meta-repo';
import { OutboxRepo } from './repositories/outbox-repo';
import { ReceiptsRepo } from './repositories/receipts-repo';
import { RunLockRepo } from './repositories/run-lock-repo';
import { RunsRepo } from './repositories/runs-repo';
import { SiteStateRepo } from './repositories/site-state-repo';
import { SitesRepo } from './repositories/sites-repo';
import { DbJournal } from './repositories/sync-stores';

/**
 * The local database with its repositories: what the composition root hands to services. The
 * raw connection stays inside src-main/db: every query is a repository method.
 */
export interface LocalDb {
  readonly connections: ConnectionsRepo;
  readonly sites: SitesRepo;
  readonly siteState: SiteStateRepo;
  readonly apartments: ApartmentsRepo;
  /** The resident search across all sites (issue 16). */
  readonly residentSearch: ResidentSearchRepo;
  /** The devices table (the sync's mirror and the devices screen's edits). */
  readonly devices: DevicesRepo;
  /** Runs, problems, held-back deletions: the one runs API, also the sync engine's RunStorePort. */
  readonly runs: RunsRepo;
  /** The per-site run locks every process shares (two processes never run one site at once). */
  readonly runLocks: RunLockRepo;
  /** What each run changed (issue 15), PINs encrypted. */
  readonly changes: ChangesRepo;
  readonly outbox: OutboxRepo;
  readonly receipts: ReceiptsRepo;
  readonly meta: MetaRepo;
  /** The sync engine's JournalPort. */
  readonly journal: DbJournal;
  /** Retries loading the PIN key from the keychain (after the user started a Secret Service); true once loaded. */
  ensurePinKey(): Promise<boolean>;
  /**
   * SQLite's `PRAGMA data_version`: changes when another connection (another process) commits
   * to the file, not for this connection's own writes — a cheap "did anyone else write?" poll.
   */
  dataVersion(): number;
  close(): void;
}

/**
 * Opens (creating and migrating) the database at `file` and loads the PIN key from `secrets`
 * (creating it on first use). Without a reachable keychain the database still opens, so the
 * app browses offline; only storing and revealing PINs fail (KEYCHAIN_UNAVAILABLE) until
 * `ensurePinKey()` succeeds. PINs are never stored unencrypted.
 */
export async function openLocalDb(file: string, secrets: SecretStore, now: () => Date = () => new Date()): Promise<LocalDb> {
  return localDbOver(openDatabase(file), secrets, now);
}

/** {@link openLocalDb} over a connection already opened by `openDatabase` (tests keep the handle to inspect raw rows). */
export async function localDbOver(db: Database, secrets: SecretStore, now: () => Date = () => new Date()): Promise<LocalDb> {
  const tryKey = async () => {
    try {
      return await loadPinCipher(secrets);
    } catch (error) {
      if (isAppError(error) && error.code === 'KEYCHAIN_UNAVAILABLE') return null;
      throw error;
    }
  };
  const devices = new DevicesRepo(db);
  const runs = new RunsRepo(db);
  let cipher: PinCipher | null = await tryKey();
  const siteState = new SiteStateRepo(db, cipher, devices);
  const changes = new ChangesRepo(db, () => cipher);
  return {
    connections: new ConnectionsRepo(db, now),
    sites: new SitesRepo(db, now),
    siteState,
    apartments: new ApartmentsRepo(db, devices),
    residentSearch: new ResidentSearchRepo(db),
    devices,
    runs,
    runLocks: new RunLockRepo(db, now),
    changes,
    outbox: new OutboxRepo(db, now),
    receipts: new ReceiptsRepo(db),
    meta: new MetaRepo(db),
    journal: new DbJournal(db, runs, changes),
    ensurePinKey: async () => {
      if (siteState.canHandlePins) return true;
      const loaded = await tryKey();
      if (loaded) {
        cipher = loaded;
        siteState.setCipher(loaded);
      }
      return loaded !== null;
    },
    dataVersion: () => db.pragma('data_version', { simple: true }) as number,
    close: () => db.close(),
  };
}
