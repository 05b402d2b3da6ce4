import type { Database } from 'better-sqlite3';
import {
  type ChangeDraft,
  ChangeDraftSchema,
  type ChangeSecret,
  ChangeSecretSchema,
  type ChangeStatus,
  REVOKING_ACTIONS,
  type RunChange,
  type RunChangeWithSecret,
} from '../../../src-shared/domain/run-change';
import { AppError } from '../../../src-shared/errors';
import type { PinCipher } from '../pin-cipher';
import { bool } from './row-helpers';

interface ChangeRow {
  run_id: string;
  seq: number;
  site_id: string;
  at: string;
  status: ChangeStatus;
  json: string;
  has_secret: number;
}

/** A search over every run's changes (issue 15: "who lost access last night"). */
export interface ChangeSearch {
  /** Substring of person, unit, property, e-mail, phone, RF card, tenant or contact ID; '' for any. */
  readonly text: string;
  readonly siteId?: string | undefined;
  /** ISO instants, inclusive from, exclusive to. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Only changes that took access away (account deleted, PIN or RF card removed). */
  readonly accessRemoved: boolean;
  readonly limit: number;
}

const SELECT = 'SELECT run_id, seq, site_id, at, status, json, secret_enc IS NOT NULL AS has_secret FROM run_changes';

/**
 * The changes each run made (src-shared/domain/run-change.ts): written by the sync journal, read by
 * the run report, an apartment's history, the cross-run search and the undo planner. PINs are
 * stored only encrypted with the database's PIN key, bound to their row (`change:<run>:<seq>`);
 * without the key (no keychain) the change is kept and its PIN is not.
 */
export class ChangesRepo {
  constructor(
    private readonly db: Database,
    private readonly cipher: () => PinCipher | null,
  ) {}

  /** Appends one change to a run; returns its sequence number. */
  append(runId: string, draft: ChangeDraft, status: ChangeStatus, at: string, secret: ChangeSecret | null): number {
    const change = ChangeDraftSchema.parse(draft);
    return this.db.transaction(() => {
      const run = this.db.prepare('SELECT site_id FROM runs WHERE id = ?').get(runId) as { site_id: string } | undefined;
      if (!run) throw new Error(`run ${runId} is not recorded`);
      const { next } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM run_changes WHERE run_id = ?').get(runId) as { next: number };
      const cipher = this.cipher();
      const secretEnc = secret && cipher ? cipher.encrypt(JSON.stringify(ChangeSecretSchema.parse(secret)), aad(runId, next)) : null;
      this.db
        .prepare(
          `INSERT INTO run_changes (run_id, seq, site_id, at, status, action, target, unit_id, apartment_id, revokes, search_text, json, secret_enc)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(runId, next, run.site_id, at, status, change.action, change.target, change.unitId, change.apartmentId,
          REVOKING_ACTIONS.has(change.action) ? 1 : 0, searchText(change), JSON.stringify(change), secretEnc);
      return next;
    })();
  }

  /** A run's changes, in order (display-safe). */
  ofRun(runId: string): RunChange[] {
    return (this.db.prepare(`${SELECT} WHERE run_id = ? ORDER BY seq`).all(runId) as ChangeRow[]).map(toChange);
  }

  /** One page of a run's changes, in order, and how many it has. */
  pageOfRun(runId: string, offset: number, limit: number): { changes: RunChange[]; total: number } {
    const { total } = this.db.prepare('SELECT COUNT(*) AS total FROM run_changes WHERE run_id = ?').get(runId) as { total: number };
    const rows = this.db.prepare(`${SELECT} WHERE run_id = ? ORDER BY seq LIMIT ? OFFSET ?`).all(runId, limit, offset) as ChangeRow[];
    return { changes: rows.map(toChange), total };
  }

  /** A run's changes with their PINs decrypted where possible — for the undo planner only. */
  ofRunWithSecrets(runId: string): RunChangeWithSecret[] {
    const rows = this.db.prepare('SELECT seq, secret_enc FROM run_changes WHERE run_id = ?').all(runId) as { seq: number; secret_enc: Buffer | null }[];
    const secrets = new Map(rows.map((r) => [r.seq, r.secret_enc]));
    return this.ofRun(runId).map((c) => ({ ...c, secret: this.decrypt(runId, c.seq, secrets.get(c.seq) ?? null) }));
  }

  /** The changes made to one apartment (by its SmartPlus ID or its unit), newest first: its history. */
  ofApartment(siteId: string, apartmentId: string, unitId: number | null, limit = 200): RunChange[] {
    const rows = this.db
      .prepare(
        `${SELECT} c WHERE c.site_id = ? AND (c.apartment_id = ? OR (? IS NOT NULL AND c.unit_id = ?))
         ORDER BY c.at DESC, c.seq DESC LIMIT ?`,
      )
      .all(siteId, apartmentId, unitId, unitId, limit) as ChangeRow[];
    return rows.map(toChange);
  }

  /** Changes over every run and site matching `q`, newest first, at most `q.limit` (and whether more matched). */
  search(q: ChangeSearch): { changes: RunChange[]; more: boolean } {
    const rows = this.db
      .prepare(
        `${SELECT} WHERE (@text = '' OR instr(search_text, @text) > 0) AND (@siteId IS NULL OR site_id = @siteId)
           AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to) AND (@revokes = 0 OR (revokes = 1 AND status = 'applied'))
         ORDER BY at DESC, seq DESC LIMIT @limit`,
      )
      .all({ text: q.text.trim().toLowerCase(), siteId: q.siteId ?? null, from: q.from ?? null, to: q.to ?? null, revokes: q.accessRemoved ? 1 : 0, limit: q.limit + 1 }) as ChangeRow[];
    return { changes: rows.slice(0, q.limit).map(toChange), more: rows.length > q.limit };
  }

  /** One PIN around a change, decrypted because the user asked to see it; null when there was none. */
  revealPin(runId: string, seq: number, which: 'before' | 'after'): string | null {
    const row = this.db.prepare('SELECT secret_enc FROM run_changes WHERE run_id = ? AND seq = ?').get(runId, seq) as { secret_enc: Buffer | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That change is not in the history any more.');
    if (!row.secret_enc) return null;
    if (!this.cipher()) throw new AppError('KEYCHAIN_UNAVAILABLE', 'The PIN key is not available: unlock the keychain, then try again.');
    const secret = this.decrypt(runId, seq, row.secret_enc);
    if (!secret) throw new AppError('INTERNAL', 'This PIN cannot be decrypted on this computer.');
    return which === 'before' ? secret.pinBefore : secret.pinAfter;
  }

  private decrypt(runId: string, seq: number, blob: Buffer | null): ChangeSecret | null {
    const cipher = this.cipher();
    if (!blob || !cipher) return null;
    try {
      return ChangeSecretSchema.parse(JSON.parse(cipher.decrypt(blob, aad(runId, seq))));
    } catch {
      return null;
    }
  }
}

function aad(runId: string, seq: number): string {
  return `change:${runId}:${seq}`;
}

function toChange(r: ChangeRow): RunChange {
  const draft = ChangeDraftSchema.parse(JSON.parse(r.json));
  return { ...draft, runId: r.run_id, seq: r.seq, siteId: r.site_id, at: r.at, status: r.status, pinKept: bool(r.has_secret) };
}

/** What the search matches: who, where, and every non-secret value (e-mails, phones, RF cards). */
function searchText(c: ChangeDraft): string {
  const values = c.fields.filter((f) => f.field !== 'PIN').flatMap((f) => [f.old, f.new]);
  const ids = [c.tenantId !== null ? `tenant ${c.tenantId}` : null, c.contactId !== null ? `contact ${c.contactId}` : null];
  const images = [c.before, c.after].flatMap((i) => (i ? [i.email, i.phone, ...i.rfCards] : []));
  return [c.person, c.unit, c.property, ...values, ...ids, ...images].filter((v): v is string => !!v).join('\u0001').toLowerCase();
}
