import { stringify } from 'csv-stringify/sync';
import type { Problem, RunRecord } from '../../src-shared/domain/run';
import { CHANGE_ACTION_LABELS, fieldsLine, maskedField as safeField, type RunChange } from '../../src-shared/domain/run-change';
import { displayOperation, type HeldBackDeletion, type SyncPlan } from '../../src-shared/domain/sync-plan';
import { maskPin } from '../../src-shared/rules/pin';
import { describeTarget } from './apply';
import { plural } from '../../src-shared/text/plural';

/** The columns of a run's CSV report, in order. */
export const CSV_COLUMNS = [
  'record', 'run_id', 'site_id', 'trigger', 'dry_run', 'started_at', 'ended_at', 'outcome',
  'kind', 'severity', 'property_id', 'unit_id', 'tenant_id', 'contact_id', 'subject', 'field', 'value', 'reason',
  'at', 'unit', 'applicant_type', 'old', 'new',
] as const;

/**
 * A run's report as CSV (spec §11): a header, one `run` line (outcome and counts), one `problem`
 * line per problem, one `held-back` line per held-back deletion and one `change` line per change
 * the run applied, failed or held back (issue 15: kind = what happened, severity = how it ended,
 * old / new per field). RFC 4180 quoting; cells that a spreadsheet would run as a formula are
 * defused; PIN values are masked again here whatever the caller passed, so the report can never
 * carry a PIN in clear.
 */
export function runReportCsv(run: RunRecord, problems: readonly Problem[], heldBack: readonly HeldBackDeletion[], changes: readonly RunChange[] = []): string {
  const head = { run_id: run.id, site_id: run.siteId, trigger: run.trigger, dry_run: String(run.dryRun), started_at: run.startedAt, ended_at: run.endedAt ?? '', outcome: run.outcome };
  const counts = Object.entries(run.counts).map(([k, v]) => `${k}=${v}`).join('; ');
  const rows: Record<string, string>[] = [
    { record: 'run', ...head, kind: '', severity: '', reason: `${counts}; problems=${run.problemCount}; heldBack=${run.heldBackCount}${run.error ? `; error=${run.error}` : ''}` },
  ];
  for (const p of problems) {
    rows.push({
      record: 'problem', ...head, kind: p.kind, severity: p.severity, property_id: num(p.propertyId), unit_id: num(p.unitId), tenant_id: num(p.tenantId),
      contact_id: num(p.contactId), subject: p.subject ?? '', field: p.field ?? '', value: safeValue(p), reason: p.reason,
    });
  }
  for (const h of heldBack) {
    const d = h.operation.display;
    rows.push({
      record: 'held-back', ...head, kind: h.operation.kind, severity: 'warning', property_id: num(d.propertyId), unit_id: num(d.unitId), tenant_id: num(d.tenantId),
      contact_id: num(d.contactId), subject: describeTarget(h.operation), field: '', value: '', reason: `${h.operation.reason} ${h.reason}`,
    });
  }
  for (const c of changes) {
    const fields = c.fields.map(safeField);
    rows.push({
      record: 'change', ...head, kind: c.action, severity: c.status, property_id: String(c.propertyId), unit_id: num(c.unitId), tenant_id: num(c.tenantId),
      contact_id: num(c.contactId), subject: c.person ?? c.unit ?? c.property, field: fields.map((f) => f.field).join('; '), value: fieldsLine(fields),
      reason: c.error ? `${c.why} Failed: ${c.error}` : c.why, at: c.at, unit: c.unit ?? '', applicant_type: c.applicantType ?? '',
      old: fields.map((f) => f.old ?? '').join('; '), new: fields.map((f) => f.new ?? '').join('; '),
    });
  }
  return stringify([[...CSV_COLUMNS], ...rows.map((r) => CSV_COLUMNS.map((c) => defuseCell(r[c] ?? '')))], CSV_OPTIONS);
}

/**
 * RFC 4180 with CRLF rows (csv-stringify quotes a delimiter or quote); a line break or an edge
 * space is quoted too, since csv-stringify with CRLF rows leaves a lone LF or CR bare.
 */
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n]/ } as const;

/** A plain number: what a spreadsheet may read as a number and nothing else (`-12.5`, `42`). */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Defuses a cell a spreadsheet would run as a formula: one starting with `= + - @`, a tab or a
 * CR gets a leading apostrophe — unless the whole cell is a plain number. (`-1+cmd|' /C calc'!A0`
 * starts with `-` and a digit, yet is a formula: only a whole number passes.)
 */
export function defuseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One CSV cell: defused ({@link defuseCell}), then quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(value: string): string {
  return stringify([[defuseCell(value)]], CSV_OPTIONS).replace(/\r\n$/, '');
}

/** A run's changes as a text table (the CLI's `runs show`), PINs masked. */
export function formatChangesText(changes: readonly RunChange[]): string {
  if (changes.length === 0) return 'No changes recorded.';
  return textTable(['time', 'status', 'what', 'unit', 'who', 'fields (old → new)', 'why'],
    changes.map((c) => [c.at.replace('T', ' ').slice(0, 19), c.status, CHANGE_ACTION_LABELS[c.action], c.unit ?? '', c.person ?? c.property, fieldsLine(c.fields.map(safeField)), c.why]));
}

function num(n: number | null): string {
  return n === null ? '' : String(n);
}

function safeValue(p: Problem): string {
  if (p.value === null) return '';
  return p.field === 'pin' || /pin/.test(p.kind) ? maskPin(p.value) : p.value;
}

/** A fixed-width text table (the CLI's human output). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: readonly string[]) => cells.map((c, i) => clip(c, widths[i]!).padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The human report of a run for the CLI: outcome and counts, operations by kind, problems, held-back deletions. */
export function formatRunText(result: { run: RunRecord; plan: SyncPlan | null; problems: readonly Problem[]; heldBack: readonly HeldBackDeletion[] }): string {
  const { run, plan } = result;
  const out: string[] = [];
  out.push(`Run ${run.id} — site ${run.siteId} — ${run.dryRun ? 'dry run' : run.trigger} — ${run.outcome.toUpperCase()}${run.error ? ` (${run.error})` : ''}`);
  out.push(`Started ${run.startedAt}${run.endedAt ? `, ended ${run.endedAt}` : ''}${plan ? `, as of ${plan.today}` : ''}`);
  out.push(textTable(['count', run.dryRun ? 'planned' : 'done'], Object.entries(run.counts).map(([k, v]) => [k, String(v)])));
  if (plan) {
    const kinds = Object.entries(plan.summary.operations).filter(([, n]) => n > 0);
    if (kinds.length) out.push('', 'Plan', textTable(['operation', 'count'], kinds.map(([k, n]) => [k, String(n)])));
    const b = plan.summary.billing;
    out.push('', `Billing: ${plural(b.apartmentsToActivate, 'apartment')} to activate; ${plural(b.familyMembersOverAllowance, 'family member')} over the free allowance of ${b.freeAllowancePerApartment} per apartment`);
  }
  if (result.problems.length) {
    out.push('', `Problems (${result.problems.length})`);
    out.push(textTable(['severity', 'kind', 'who / where', 'value', 'reason'],
      result.problems.map((p) => [p.severity, p.kind, p.subject ?? '', safeValue(p), p.reason])));
  }
  if (result.heldBack.length) {
    out.push('', `Held-back deletions (${result.heldBack.length}) — confirm to apply`);
    out.push(textTable(['who / where', 'reason'], result.heldBack.map((h) => [describeTarget(h.operation), h.operation.reason])));
    out.push(result.heldBack[0]!.reason);
  }
  return out.join('\n');
}

/** The operations of a plan as a text table (dry runs), PINs masked. */
export function formatPlanText(plan: SyncPlan): string {
  const rows = plan.operations.map(displayOperation).map((op) => [op.kind, describeTarget(op), detail(op)]);
  return rows.length ? textTable(['operation', 'who / where', 'detail'], rows) : 'Nothing to change.';
}

function detail(op: SyncPlan['operations'][number]): string {
  switch (op.kind) {
    case 'set-pin': return `PIN ${op.pin}`;
    case 'set-rf-cards': return `cards ${op.cards.join(', ')}`;
    case 'remove-rf-cards': return op.keep.length ? `keep ${op.keep.join(', ')}` : 'all cards';
    case 'delete-family-member': return op.reason;
    case 'update-family-member': case 'update-community': case 'update-apartment': return Object.keys(op.changes).join(', ');
    default: return '';
  }
}
