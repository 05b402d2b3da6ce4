import type { Database } from 'better-sqlite3';
import type { ResidentMatch } from '../../../src-shared/ipc/contract/apartments';

interface MatchRow {
  resident_id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  site_id: string;
  site_name: string;
  apartment_id: string;
  apartment_name: string;
}

/** `%`, `_` and the escape itself match literally in a LIKE pattern. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The resident search across every site (issue 16), on the local mirror so it works offline:
 * family members whose first, last or full name, e-mail, or apartment name contains the text
 * (case-insensitive). Selects no PIN and no card column, so none can leave this query.
 */
export class ResidentSearchRepo {
  constructor(private readonly db: Database) {}

  /** Up to `limit` matches, by site, apartment (natural order) and name, and whether more matched. */
  search(query: string, limit: number): { matches: ResidentMatch[]; more: boolean } {
    const pattern = `%${likeEscape(query.trim().toLowerCase())}%`;
    const rows = this.db
      .prepare(
        `SELECT r.id AS resident_id, r.first_name, r.last_name, r.email, s.id AS site_id, s.name AS site_name,
                a.id AS apartment_id, a.name AS apartment_name
           FROM residents r JOIN apartments a ON a.id = r.apartment_id JOIN sites s ON s.id = r.site_id
          WHERE r.role = 'family' AND (
                lower(r.first_name) LIKE @p ESCAPE '\\' OR lower(r.last_name) LIKE @p ESCAPE '\\'
             OR lower(r.first_name || ' ' || r.last_name) LIKE @p ESCAPE '\\'
             OR lower(coalesce(r.email, '')) LIKE @p ESCAPE '\\' OR lower(a.name) LIKE @p ESCAPE '\\')
          ORDER BY s.name, a.sort_key, r.last_name, r.first_name, r.id
          LIMIT @limit`,
      )
      .all({ p: pattern, limit: limit + 1 }) as MatchRow[];
    return {
      more: rows.length > limit,
      matches: rows.slice(0, limit).map((r) => ({
        residentId: r.resident_id,
        firstName: r.first_name,
        lastName: r.last_name,
        email: r.email,
        siteId: r.site_id,
        siteName: r.site_name,
        apartmentId: r.apartment_id,
        apartmentName: r.apartment_name,
      })),
    };
  }
}
