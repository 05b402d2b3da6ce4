import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  type ApartmentDetail,
  type ApartmentFilter,
  type ApartmentPage,
  type ApartmentQuery,
  ApartmentQuerySchema,
  type ApartmentRow,
  type ResidentRow,
} from '../../../src-shared/domain/site';
import type { DevicesRepo } from './devices-repo';
import { bool, jsonColumn, problemFromRow } from './row-helpers';

const RfCardsJsonSchema = z.array(z.string());

interface AptRow {
  id: string;
  site_id: string;
  name: string;
  unit_id: number | null;
  synced: number;
  activated: number;
  family_count: number;
  family_limit: number;
  resident_names: string;
  problem_count: number;
}

interface ResidentDbRow {
  id: string;
  role: 'master' | 'family';
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  has_pin: number;
  rf_cards_json: string;
  same_access_as_master: number;
  tenant_id: number | null;
  contact_id: number | null;
  applicant_type: string | null;
  access_from: string | null;
  access_until: string | null;
  access_reason: string | null;
}

const FILTERS: Record<ApartmentFilter, string> = {
  all: '1 = 1',
  problems: "a.unit_id IN (SELECT unit_id FROM problems WHERE run_id = @runId AND unit_id IS NOT NULL AND severity != 'info')",
  'not-activated': 'a.synced = 1 AND a.activated = 0',
  vacant: 'a.synced = 1 AND a.family_count = 0',
  'not-synced': 'a.synced = 0',
};

// Problems of the site's last finished real run that concern the row's unit.
const PROBLEM_COUNT = `(SELECT COUNT(*) FROM problems p WHERE p.run_id = @runId AND p.unit_id = a.unit_id AND p.severity != 'info') AS problem_count`;

/**
 * The browse queries of the apartments screens (spec §9), all on the local mirror so they work
 * offline. Searching is a substring match on a lowercased column (unit, names, e-mails, RF
 * cards) within one site: a scan of one site's rows, a few milliseconds at 10,000 apartments.
 */
export class ApartmentsRepo {
  constructor(
    private readonly db: Database,
    private readonly devices: DevicesRepo,
  ) {}

  /** A site's apartments by Rent Manager unit ID (the run report links a problem's unit to its apartment). */
  byUnit(siteId: string): Map<number, { id: string; name: string }> {
    const rows = this.db.prepare('SELECT id, name, unit_id FROM apartments WHERE site_id = ? AND unit_id IS NOT NULL').all(siteId) as { id: string; name: string; unit_id: number }[];
    return new Map(rows.map((r) => [r.unit_id, { id: r.id, name: r.name }]));
  }

  /** One page of a site's apartments, naturally sorted by name, filtered and searched. */
  listApartments(query: ApartmentQuery): ApartmentPage {
    const q = ApartmentQuerySchema.parse(query);
    const params = {
      siteId: q.siteId,
      runId: this.lastRunId(q.siteId),
      search: q.search.trim().toLowerCase(),
      limit: q.pageSize,
      offset: q.page * q.pageSize,
    };
    const where = `a.site_id = @siteId AND (@search = '' OR instr(a.search_text, @search) > 0) AND ${FILTERS[q.filter]}`;
    const { total } = this.db.prepare(`SELECT COUNT(*) AS total FROM apartments a WHERE ${where}`).get(params) as {
      total: number;
    };
    const rows = this.db
      .prepare(`SELECT a.*, ${PROBLEM_COUNT} FROM apartments a WHERE ${where} ORDER BY a.sort_key, a.id LIMIT @limit OFFSET @offset`)
      .all(params) as AptRow[];
    return { rows: rows.map(toApartmentRow), total, page: q.page, pageSize: q.pageSize, asOf: this.asOf(q.siteId), siteCounts: this.siteCounts(q.siteId) };
  }

  /** A site's synced apartments, units only in Rent Manager (a Custom site leaves them out), and synced apartments not activated. */
  siteCounts(siteId: string): { synced: number; rentManagerOnly: number; notActivated: number } {
    const row = this.db
      .prepare(
        `SELECT COALESCE(SUM(synced = 1), 0) AS synced, COALESCE(SUM(synced = 0), 0) AS rm_only, COALESCE(SUM(synced = 1 AND activated = 0), 0) AS not_activated
         FROM apartments WHERE site_id = ?`,
      )
      .get(siteId) as { synced: number; rm_only: number; not_activated: number };
    return { synced: row.synced, rentManagerOnly: row.rm_only, notActivated: row.not_activated };
  }

  /** The apartment detail: accounts (PINs only as "set"), its devices and its problems in past runs; null if unknown. */
  getApartmentDetail(apartmentId: string): ApartmentDetail | null {
    const base = this.db.prepare('SELECT site_id FROM apartments WHERE id = ?').get(apartmentId) as { site_id: string } | undefined;
    if (!base) return null;
    const runId = this.lastRunId(base.site_id);
    const apt = this.db.prepare(`SELECT a.*, ${PROBLEM_COUNT} FROM apartments a WHERE a.id = @id`).get({ id: apartmentId, runId }) as AptRow;
    const residents = (
      this.db
        .prepare(
          `SELECT id, role, first_name, last_name, email, phone, pin_enc IS NOT NULL AS has_pin, rf_cards_json,
             same_access_as_master, tenant_id, contact_id, applicant_type, access_from, access_until, access_reason
           FROM residents WHERE apartment_id = ? ORDER BY role DESC, last_name, first_name, id`,
        )
        .all(apartmentId) as ResidentDbRow[]
    ).map(toResidentRow);
    const devices = this.devices.ofApartment(apartmentId);
    const history =
      apt.unit_id === null
        ? []
        : (
            this.db
              .prepare(
                `SELECT p.*, r.started_at AS run_started_at FROM problems p JOIN runs r ON r.id = p.run_id
                 WHERE r.site_id = ? AND r.dry_run = 0 AND p.unit_id = ? ORDER BY r.started_at DESC, p.seq LIMIT 100`,
              )
              .all(base.site_id, apt.unit_id) as ProblemJoinRow[]
          ).map(toApartmentProblem);
    return {
      apartment: toApartmentRow(apt),
      master: residents.find((r) => r.role === 'master') ?? null,
      familyMembers: residents.filter((r) => r.role === 'family'),
      devices,
      history,
      asOf: this.asOf(base.site_id),
    };
  }

  /** Marks apartments activated in the local mirror right after their fee is paid (the next sync confirms it); returns how many. */
  markActivated(apartmentIds: readonly string[]): number {
    const update = this.db.prepare('UPDATE apartments SET activated = 1 WHERE id = ? AND synced = 1');
    return this.db.transaction(() => apartmentIds.reduce((n, id) => n + update.run(id).changes, 0))();
  }

  /** Family members with a PIN and with an RF card, per apartment (the browser's credential columns). */
  credentialCounts(apartmentIds: readonly string[]): Map<string, { pins: number; cards: number }> {
    const counts = new Map<string, { pins: number; cards: number }>();
    if (apartmentIds.length === 0) return counts;
    const rows = this.db
      .prepare(
        `SELECT apartment_id AS id, SUM(pin_enc IS NOT NULL) AS pins, SUM(rf_cards_json != '[]') AS cards
         FROM residents WHERE role = 'family' AND apartment_id IN (SELECT value FROM json_each(?)) GROUP BY apartment_id`,
      )
      .all(JSON.stringify(apartmentIds)) as { id: string; pins: number; cards: number }[];
    for (const r of rows) counts.set(r.id, { pins: r.pins, cards: r.cards });
    return counts;
  }

  private asOf(siteId: string): string | null {
    const row = this.db.prepare('SELECT as_of FROM sites WHERE id = ?').get(siteId) as { as_of: string | null } | undefined;
    return row?.as_of ?? null;
  }

  private lastRunId(siteId: string): string | null {
    const row = this.db
      .prepare(`SELECT id FROM runs WHERE site_id = ? AND dry_run = 0 AND outcome != 'running' ORDER BY started_at DESC LIMIT 1`)
      .get(siteId) as { id: string } | undefined;
    return row?.id ?? null;
  }
}

/** A `problems` row joined with its run's start. */
type ProblemJoinRow = Record<string, unknown> & { run_id: string; run_started_at: string };

function toApartmentRow(r: AptRow): ApartmentRow {
  return {
    id: r.id,
    siteId: r.site_id,
    name: r.name,
    unitId: r.unit_id,
    synced: bool(r.synced),
    activated: bool(r.activated),
    familyMemberCount: r.family_count,
    familyMemberLimit: r.family_limit,
    residentNames: r.resident_names,
    problemCount: r.problem_count,
  };
}

function toResidentRow(r: ResidentDbRow): ResidentRow {
  return {
    id: r.id,
    role: r.role,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    hasPin: bool(r.has_pin),
    rfCards: jsonColumn(RfCardsJsonSchema, r.rf_cards_json, 'residents.rf_cards_json'),
    sameAccessAsMaster: bool(r.same_access_as_master),
    tenantId: r.tenant_id,
    contactId: r.contact_id,
    applicantType: r.applicant_type,
    accessFrom: r.access_from,
    accessUntil: r.access_until,
    accessReason: r.access_reason,
  };
}

function toApartmentProblem(r: ProblemJoinRow): ApartmentDetail['history'][number] {
  return { runId: r.run_id, runStartedAt: r.run_started_at, ...problemFromRow(r) };
}
