import { runOutcomeView } from '../../src-shared/domain/problems';
import type { RunRecord } from '../../src-shared/domain/run';
import { agree, plural } from '../../src-shared/text/plural';

/**
 * The desktop notification a finished run deserves, or null. Only unattended runs (scheduled,
 * catch-up) notify, and only when they failed, ended partial (spec §6) or held deletions back (spec §11).
 */
export function runNotification(run: RunRecord, siteName: string): { title: string; body: string } | null {
  if (run.trigger !== 'scheduled' && run.trigger !== 'catch-up') return null;
  if (run.outcome === 'failed') {
    return { title: `Sync of ${siteName} failed`, body: `${run.error ?? 'The run stopped.'} Click to see the run.` };
  }
  if (run.outcome === 'partial') {
    // A partial run may have left a departed tenant with access (issue 12): never silent.
    return { title: `Sync of ${siteName} incomplete`, body: `${run.error ?? 'Some changes could not be made.'} Click to see the run.` };
  }
  if (run.awaitingApproval && run.heldBackCount > 0) {
    // "Ask me before applying" (issue 15): the run planned and waits.
    return { title: `${plural(run.heldBackCount, 'change')} waiting for ${siteName}`, body: 'Click to review, approve or reject them.' };
  }
  if (runOutcomeView(run) === 'synced-with-problems') {
    return { title: `${siteName} synced with problems`, body: 'Some problems need your attention. Click to see them.' };
  }
  if (run.outcome === 'held-back') {
    return {
      title: `${siteName}: changes held back`,
      body: `${plural(run.heldBackCount, 'account deletion or credential change', 'account deletions or credential changes')} ${agree(run.heldBackCount, 'waits', 'wait')} for your confirmation. Click to review ${agree(run.heldBackCount, 'it', 'them')}.`,
    };
  }
  return null;
}
