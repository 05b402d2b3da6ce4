import type { SmartPlusSnapshot } from '../../src-shared/domain/smartplus';
import type { HeldBackDeletion, SyncOperation } from '../../src-shared/domain/sync-plan';
import { AppError } from '../../src-shared/errors';
import { executeRun, type RunSiteSyncInput, type RunSiteSyncResult } from './engine';
import { problem } from './plan/problems';

/** Inputs of {@link confirmHeldBack}: the run whose held-back deletions the user confirmed, and the site to re-read. */
export interface ConfirmHeldBackInput extends Omit<RunSiteSyncInput, 'trigger' | 'allowMassDelete' | 'dryRun'> {
  readonly runId: string;
}

/** The confirmation run's result, with what was confirmed and what was no longer needed. */
export interface ConfirmHeldBackResult extends RunSiteSyncResult {
  readonly confirmed: string[];
  readonly dropped: HeldBackDeletion[];
}

/** Sets of the plan (not yet chosen) whose value a chosen deletion or removal takes from its current holder. */
function freedValueSets(plan: readonly SyncOperation[], chosen: readonly SyncOperation[], sp: SmartPlusSnapshot): SyncOperation[] {
  const releasing = new Set(chosen.filter((op) => op.kind === 'delete-family-member' || op.kind === 'remove-pin' || op.kind === 'remove-rf-cards').map((op) => op.residentId));
  if (releasing.size === 0) return [];
  const freedPins = new Set<string>();
  const freedCards = new Set<string>();
  for (const c of sp.communities) {
    for (const r of c.residents) {
      if (!releasing.has(r.id)) continue;
      if (r.pin) freedPins.add(r.pin);
      for (const card of r.rfCards) freedCards.add(card.toUpperCase());
    }
  }
  const ids = new Set(chosen.map((op) => op.id));
  return plan.filter((op) => !ids.has(op.id)
    && ((op.kind === 'set-pin' && freedPins.has(op.pin)) || (op.kind === 'set-rf-cards' && op.cards.some((c) => freedCards.has(c.toUpperCase())))));
}

/**
 * Applies a run's held-back deletions and credential changes once the user confirmed them (spec
 * §6). It re-reads both sides and re-plans with the guard lifted, then applies only the held-back
 * operations the new plan still has (and the sets of values they free, spec §4): if Rent
 * Manager's outage is over, or a tenant came back, nothing is lost. The confirmation is a run of its own (trigger 'manual'); the original run's held-back list is then
 * emptied so a second confirmation cannot replay it.
 */
export async function confirmHeldBack(input: ConfirmHeldBackInput): Promise<ConfirmHeldBackResult> {
  const held = await input.ports.runs.listHeldBack(input.runId);
  if (held.length === 0) throw new AppError('NOT_FOUND', `Run ${input.runId} has no held-back deletions to confirm.`);
  const wanted = new Set(held.map((h) => h.operation.id));
  let confirmed: string[] = [];
  let dropped: HeldBackDeletion[] = [];
  const result = await executeRun({ ...input, trigger: 'manual', allowMassDelete: true, dryRun: false }, (p, sp) => {
    const chosen = p.operations.filter((op) => wanted.has(op.id));
    confirmed = chosen.map((op) => op.id);
    // A value the confirmed deletions and removals free reaches its next holder in this same run (spec §4).
    const operations = [...chosen, ...freedValueSets(p.operations, chosen, sp)];
    const still = new Set(confirmed);
    dropped = held.filter((h) => !still.has(h.operation.id));
    const problems = dropped.map((h) => {
      const d = h.operation.display;
      const kind = !h.approval && h.operation.kind !== 'delete-family-member' ? 'held-back-credentials' : 'held-back-deletion';
      return problem(kind, 'info', { propertyId: d.propertyId, unitId: d.unitId, tenantId: d.tenantId, contactId: d.contactId, subject: d.person },
        h.approval
          ? `Not applied: Rent Manager no longer asks for this change (${h.operation.reason}); nothing was changed for it.`
          : h.operation.kind === 'delete-family-member'
            ? 'Held-back deletion not applied: Rent Manager no longer asks for it (the account is kept).'
            : 'Held-back credential change not applied: Rent Manager no longer asks for it (the account keeps its credential).');
    });
    return { operations, heldBack: [], problems };
  });
  if (result.run.outcome !== 'failed' && result.run.outcome !== 'cancelled') await input.ports.runs.saveHeldBack(input.runId, []);
  return { ...result, confirmed, dropped };
}
