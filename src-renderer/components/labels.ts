import type { ProblemKind, RunCounts, RunOutcome, RunProgress, RunTrigger } from '../../src-shared/domain/run';
import { type RunOutcomeView, runOutcomeView } from '../../src-shared/domain/problems';
import type { OperationKind } from '../../src-shared/domain/sync-plan';
import type { SubscriptionState } from '../../src-shared/domain/site';
import { plural } from '../../src-shared/text/plural';

/** How a run ended, in words, with the pill colour to show it in. */
export const OUTCOME_LABELS: Record<RunOutcomeView, { text: string; tone: 'ok' | 'warn' | 'danger' | 'muted' }> = {
  running: { text: 'Running', tone: 'muted' },
  succeeded: { text: 'Succeeded', tone: 'ok' },
  'synced-with-problems': { text: 'Synced with problems', tone: 'warn' },
  partial: { text: 'Partly done', tone: 'warn' },
  'held-back': { text: 'Deletions held back', tone: 'warn' },
  failed: { text: 'Failed', tone: 'danger' },
  cancelled: { text: 'Cancelled', tone: 'muted' },
};

/** A run's outcome in words: a run of an ask-first site that waits says so (issue 15), not "deletions held back". */
export function outcomeLabel(run: {
  outcome: RunOutcome;
  awaitingApproval?: boolean | undefined;
  heldBackCount?: number;
  errorCount?: number | undefined;
}): { text: string; tone: 'ok' | 'warn' | 'danger' | 'muted' } {
  if (run.awaitingApproval && run.outcome === 'held-back') return { text: 'Waiting for approval', tone: 'warn' };
  return OUTCOME_LABELS[runOutcomeView(run)];
}

/** "3 deletions held back" or "7 changes waiting for approval", for a run's summary line. */
export function heldBackText(run: { heldBackCount: number; awaitingApproval?: boolean | undefined }): string {
  return run.awaitingApproval ? `${plural(run.heldBackCount, 'change')} waiting for approval` : `${plural(run.heldBackCount, 'deletion')} held back`;
}

/** What started a run. */
export const TRIGGER_LABELS: Record<RunTrigger, string> = {
  scheduled: 'Scheduled',
  'catch-up': 'Catch-up',
  manual: 'Manual',
  import: 'Import',
  cli: 'Command line',
  'os-schedule': 'OS schedule',
  undo: 'Undo',
};

/** A problem kind, in words an installer reads: the one map the run report, the Overview preview and the Get Site review use. */
export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  'invalid-pin': 'Invalid PIN',
  'weak-pin': 'PIN the SmartPlus app refuses',
  'invalid-rf-card': 'Invalid RF card',
  'duplicate-pin': 'PIN used twice',
  'duplicate-rf-card': 'RF card used twice',
  'missing-date': 'Waiting for a date',
  'missing-email': 'No e-mail',
  'over-family-limit': 'Over the family-member limit',
  'held-back-deletion': 'Deletion held back',
  'held-back-credentials': 'Credential changes held back',
  'unit-not-synced': 'In Rent Manager, not synced',
  'unit-removed': 'Unit gone from Rent Manager',
  'property-removed': 'Property gone from Rent Manager',
  'property-read-failed': 'Property could not be read',
  'malformed-row': 'Unreadable Rent Manager record',
  'unreadable-object': 'Unreadable SmartPlus object',
  'numeric-pin-field': 'Numeric PIN field',
  'operation-failed': 'Change failed',
  'adoption-linked': 'Linked to what was made by hand',
  'adoption-question': 'A hand-made resident to decide on',
  'not-undone': 'Not undone',
};

/** The phase of a running sync, as the progress bar names it. */
export const PHASE_LABELS: Record<RunProgress['phase'], string> = {
  reading: 'Reading Rent Manager and SmartPlus',
  planning: 'Working out the changes',
  communities: 'Communities',
  apartments: 'Apartments',
  'family-members': 'Family member accounts',
  credentials: 'PINs and RF cards',
  deletions: 'Deleting accounts of tenants who left',
  done: 'Finishing',
};

/** A plan operation kind, in words (previews). */
export const OPERATION_LABELS: Record<OperationKind, string> = {
  'create-community': 'Create community',
  'update-community': 'Update community',
  'create-apartment': 'Create apartment',
  'update-apartment': 'Rename apartment',
  'create-family-member': 'Create family member',
  'update-family-member': 'Update family member',
  'remove-pin': 'Remove PIN',
  'remove-rf-cards': 'Remove RF card',
  'set-pin': 'Set PIN',
  'set-rf-cards': 'Set RF card',
  'delete-family-member': 'Delete family member',
};

/** The integration subscription, in words, with its pill colour. */
export const SUBSCRIPTION_LABELS: Record<SubscriptionState, { text: string; tone: 'ok' | 'warn' | 'danger' | 'muted' }> = {
  active: { text: 'Active', tone: 'ok' },
  expired: { text: 'Expired', tone: 'danger' },
  none: { text: 'Not paid', tone: 'danger' },
  unknown: { text: 'Not checked yet', tone: 'muted' },
};

/** The counts of a run in one line: "3 created, 1 updated, 0 deleted, 2 credentials set". */
export function countsLine(counts: RunCounts): string {
  const parts = [
    `${counts.accountsCreated} created`,
    `${counts.accountsUpdated} updated`,
    `${counts.accountsDeleted} deleted`,
    `${plural(counts.credentialsSet, 'credential')} set`,
  ];
  if (counts.credentialsRemoved) parts.push(`${counts.credentialsRemoved} removed`);
  if (counts.failedOperations) parts.push(`${counts.failedOperations} failed`);
  return parts.join(', ');
}

/** "1 account" / "3 accounts": the one helper in src-shared, re-exported for the screens. */
export { plural };

/** Whether a field's name already says its type, as in "Door PIN (Text)" (then the type is not shown again). */
export function nameShowsType(name: string, fieldType: string): boolean {
  return name.toLowerCase().includes(`(${fieldType.toLowerCase()})`);
}

/** A Rent Manager field as an option: "RF Card (Text)", and "Door PIN (Text)" once, not twice (issue 16). */
export function fieldLabel(field: { name: string; fieldType: string }): string {
  return nameShowsType(field.name, field.fieldType) ? field.name : `${field.name} (${field.fieldType})`;
}
