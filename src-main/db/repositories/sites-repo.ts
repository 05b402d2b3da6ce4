import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { type SiteAdoption, SiteAdoptionSchema } from '../../../src-shared/domain/adoption';
import { type SyncPolicy, SyncPolicySchema } from '../../../src-shared/domain/policy';
import {
  type Site,
  SiteSchema,
  pauseSkipWhy,
  type SitePause,
  type SiteSummary,
  SiteSummarySchema,
  type SubscriptionState,
} from '../../../src-shared/domain/site';

interface SiteRow {
  id: string;
  name: string;
  customer_id: string | null;
  connection_id: string | null;
  property_id: number;
  community_id: string | null;
  smartplus_account_id: string | null;
  policy_json: string;
  subscription: string;
  subscription_ends_at: string | null;
  created_at: string;
  as_of: string | null;
  paused: number;
  paused_at: string | null;
  pause_reason: string | null;
}

/** The fields a new site needs; the rest get defaults (policy defaults come from SyncPolicySchema). */
export interface NewSite {
  id?: string;
  name: string;
  customerId: string | null;
  connectionId: string | null;
  propertyId: number;
  communityId?: string | null;
  /** The SmartPlus account the site syncs to (issue 16); null = the default one of its side. */
  smartPlusAccountId?: string | null;
  policy?: Partial<SyncPolicy>;
}

/** Sites and their policies (spec §3–§5, §8). Policies are validated on the way in and out. */
export class SitesRepo {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** When the site's schedule was paused (after an undo, issue 15), or null when it runs as scheduled. */
  schedulePausedAt(siteId: string): string | null {
    const row = this.db.prepare('SELECT schedule_paused_at FROM sites WHERE id = ?').get(siteId) as { schedule_paused_at: string | null } | undefined;
    return row?.schedule_paused_at ?? null;
  }

  /** Pauses (an instant) or resumes (null) a site's schedule; scheduled and catch-up runs skip a paused site. */
  setSchedulePaused(siteId: string, at: string | null): void {
    this.db.prepare('UPDATE sites SET schedule_paused_at = ? WHERE id = ?').run(at, siteId);
  }

  /** Pauses a site (issue 16): scheduled, catch-up and light runs skip it until {@link resume}. Returns the pause recorded. */
  pause(siteId: string, reason: string | null): SitePause {
    const pause: SitePause = { pausedAt: this.now().toISOString(), reason: reason?.trim() ? reason.trim() : null };
    this.db.prepare('UPDATE sites SET paused = 1, paused_at = ?, pause_reason = ? WHERE id = ?').run(pause.pausedAt, pause.reason, siteId);
    return pause;
  }

  /** Keeps a paused site's first pause date when it is paused again with a new reason. */
  keepPausedAt(siteId: string, pausedAt: string): void {
    this.db.prepare('UPDATE sites SET paused_at = ? WHERE id = ? AND paused = 1').run(pausedAt, siteId);
  }

  /** Resumes a paused site: it runs on schedule again. */
  resume(siteId: string): void {
    this.db.prepare('UPDATE sites SET paused = 0, paused_at = NULL, pause_reason = NULL WHERE id = ?').run(siteId);
  }

  /** The site's pause, or null when it is not paused (or does not exist). */
  pauseOf(siteId: string): SitePause | null {
    const row = this.db.prepare('SELECT paused, paused_at, pause_reason FROM sites WHERE id = ?').get(siteId) as Pick<SiteRow, 'paused' | 'paused_at' | 'pause_reason'> | undefined;
    return row ? toPause(row) : null;
  }

  /**
   * Why the schedule (timer, catch-up, light syncs, `run-due`) skips the site, or null when it
   * runs: paused by the installer ("skipped: paused — <reason>"), or its schedule paused after an undo.
   */
  skipWhy(siteId: string): string | null {
    return pauseSkipWhy(this.pauseOf(siteId)) ?? (this.schedulePausedAt(siteId) !== null ? 'skipped: schedule paused after an undo' : null);
  }

  /** Creates a site. */
  create(input: NewSite): Site {
    const site = SiteSchema.parse({
      id: input.id ?? randomUUID(),
      name: input.name,
      customerId: input.customerId,
      connectionId: input.connectionId,
      propertyId: input.propertyId,
      communityId: input.communityId ?? null,
      smartPlusAccountId: input.smartPlusAccountId ?? null,
      policy: SyncPolicySchema.parse(input.policy ?? {}),
      subscription: 'unknown',
      subscriptionEndsAt: null,
      createdAt: this.now().toISOString(),
    });
    this.db
      .prepare(
        `INSERT INTO sites (id, name, customer_id, connection_id, property_id, community_id, smartplus_account_id, policy_json, subscription, created_at)
         VALUES (@id, @name, @customerId, @connectionId, @propertyId, @communityId, @smartPlusAccountId, @policyJson, @subscription, @createdAt)`,
      )
      .run({ ...site, policyJson: JSON.stringify(site.policy) });
    return site;
  }

  /** One site, or null. */
  get(id: string): Site | null {
    const row = this.db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as SiteRow | undefined;
    return row ? toSite(row) : null;
  }

  /** Every site with its data age, apartment count and last finished run, for the overview. */
  listSummaries(): SiteSummary[] {
    const rows = this.db
      .prepare(
        `SELECT s.*,
           (SELECT COUNT(*) FROM apartments a WHERE a.site_id = s.id AND a.synced = 1) AS apartment_count,
           r.id AS run_id, r.outcome AS run_outcome, r.started_at AS run_started_at, r.ended_at AS run_ended_at,
           r.problem_count AS run_problem_count
         FROM sites s
         LEFT JOIN runs r ON r.id = (SELECT id FROM runs WHERE site_id = s.id AND dry_run = 0 ORDER BY started_at DESC LIMIT 1)
         ORDER BY s.name COLLATE NOCASE`,
      )
      .all() as (SiteRow & {
      apartment_count: number;
      run_id: string | null;
      run_outcome: string | null;
      run_started_at: string | null;
      run_ended_at: string | null;
      run_problem_count: number | null;
    })[];
    return rows.map((row) =>
      SiteSummarySchema.parse({
        ...toSite(row),
        asOf: row.as_of,
        apartmentCount: row.apartment_count,
        lastRun: row.run_id
          ? {
              id: row.run_id,
              outcome: row.run_outcome,
              startedAt: row.run_started_at,
              endedAt: row.run_ended_at,
              problemCount: row.run_problem_count ?? 0,
            }
          : null,
      }),
    );
  }

  /** Replaces a site's policy (validated; missing fields take their defaults). */
  updatePolicy(id: string, policy: Partial<SyncPolicy>): SyncPolicy {
    const value = SyncPolicySchema.parse(policy);
    this.db.prepare('UPDATE sites SET policy_json = ? WHERE id = ?').run(JSON.stringify(value), id);
    return value;
  }

  /** Records the SmartPlus community made for the site. */
  setCommunity(id: string, communityId: string): void {
    this.db.prepare('UPDATE sites SET community_id = ? WHERE id = ?').run(communityId, id);
  }

  /** Moves a site to another SmartPlus account (issue 16). */
  setSmartPlusAccount(id: string, accountId: string | null): void {
    this.db.prepare('UPDATE sites SET smartplus_account_id = ? WHERE id = ?').run(accountId, id);
  }

  /** Records how the site adopts a hand-made community (the wizard's choice), or forgets it (null). */
  setAdoption(id: string, adoption: SiteAdoption | null): void {
    const json = adoption ? JSON.stringify(SiteAdoptionSchema.parse(adoption)) : null;
    this.db.prepare('UPDATE sites SET adoption_json = ? WHERE id = ?').run(json, id);
  }

  /** How the site adopts a hand-made community, or null for a site whose community SiteSync created. */
  getAdoption(id: string): SiteAdoption | null {
    const row = this.db.prepare('SELECT adoption_json FROM sites WHERE id = ?').get(id) as { adoption_json: string | null } | undefined;
    return row?.adoption_json ? SiteAdoptionSchema.parse(JSON.parse(row.adoption_json)) : null;
  }

  /** Records the integration subscription as last seen. */
  setSubscription(id: string, state: SubscriptionState, endsAt: string | null): void {
    this.db.prepare('UPDATE sites SET subscription = ?, subscription_ends_at = ? WHERE id = ?').run(state, endsAt, id);
  }

  /** Removes a site and its local mirror (runs are kept as history). */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM sites WHERE id = ?').run(id).changes > 0;
  }
}

function toSite(row: SiteRow): Site {
  return SiteSchema.parse({
    id: row.id,
    name: row.name,
    customerId: row.customer_id,
    connectionId: row.connection_id,
    propertyId: row.property_id,
    communityId: row.community_id,
    smartPlusAccountId: row.smartplus_account_id ?? null,
    policy: JSON.parse(row.policy_json),
    subscription: row.subscription,
    subscriptionEndsAt: row.subscription_ends_at,
    createdAt: row.created_at,
    pause: toPause(row),
  });
}

function toPause(row: Pick<SiteRow, 'paused' | 'paused_at' | 'pause_reason'>): SitePause | null {
  return row.paused ? { pausedAt: row.paused_at ?? '', reason: row.pause_reason } : null;
}

