import type { RunRecord } from '../../src-shared/domain/run';

/**
 * The desktop notification a finished run deserves, or null. Only unattended runs (scheduled,
 * catch-up) notify, and only when they failed or held deletions back (spec §11).
 */
export function runNotification(run: RunRecord, siteName: string): { title: string; body: string } | null {
  if (run.trigger !== 'scheduled' && run.trigger !== 'catch-up') return null;
  if (run.outcome === 'failed') {
    return { title: `Sync of ${siteName} failed`, body: `${run.error ?? 'The run stopped.'} Click to see the run.` };
  }
  if (run.outcome === 'held-back') {
    return {
      title: `${siteName}: deletions held back`,
      body: `${run.heldBackCount} account deletions wait for your confirmation. Click to review them.`,
    };
  }
  return null;
}
