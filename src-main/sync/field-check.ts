import type { SiteConfig } from '../../src-shared/domain/policy';
import type { RentManagerSnapshot } from '../../src-shared/domain/rentmanager';
import { AppError } from '../../src-shared/errors';

/**
 * Stops a site's run before any write when a chosen PIN or RF card field did not resolve to a
 * Rent Manager user-defined field (spec §4, issue 12). Read as "no values", such a field would
 * remove every resident's credential; read as "failed", it would freeze deletions while the run
 * looked green. Throws `RM_FIELD_NOT_FOUND` with the reader's sentence (the field and the fields
 * that exist); returns when every chosen field resolved.
 */
export function assertFieldsResolved(config: SiteConfig, rm: RentManagerSnapshot): void {
  const missing: string[] = [];
  const reasons = rm.rowProblems.filter((p) => p.collection === 'UserDefinedFields').map((p) => p.reason);
  const sentence = (label: string, setting: string, choice: number | string) =>
    reasons.find((r) => r.includes(`(${setting})`)) ??
    `The ${label} field ${typeof choice === 'number' ? `ID ${choice}` : JSON.stringify(choice)} (${setting}) is not a Rent Manager user-defined field. Choose an existing field for the site; nothing was changed.`;
  if (config.pinField !== undefined && rm.pinField === null) missing.push(sentence('PIN', 'pinField', config.pinField));
  if (config.rfCardField !== undefined && rm.rfCardField === null) missing.push(sentence('RF card', 'rfCardField', config.rfCardField));
  if (missing.length > 0) throw new AppError('RM_FIELD_NOT_FOUND', missing.join(' '), { details: { configuration: true } });
}
