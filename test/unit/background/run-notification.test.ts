import { describe, expect, it } from 'vitest';
import { decideRunNotification, type FinishedRun } from '../../../src-main/background/run-notification';

const run = (over: Partial<FinishedRun>): FinishedRun => ({ id: 'run-1', trigger: 'scheduled', dryRun: false, outcome: 'succeeded', heldBackCount: 0, error: null, ...over });

describe('decideRunNotification', () => {
  it.each(['scheduled', 'catch-up', 'os-schedule'])('a %s run that fails, ends partial or holds back notifies, naming the run to open', (trigger) => {
    expect(decideRunNotification(run({ trigger, outcome: 'failed', error: 'Rent Manager refused the credentials.' }), 'Elm Court')).toEqual({
      title: 'Sync of Elm Court failed',
      body: 'Rent Manager refused the credentials. Click to see the run.',
      runId: 'run-1',
    });
    expect(decideRunNotification(run({ trigger, outcome: 'partial' }), 'Elm Court')).toMatchObject({ title: 'Sync of Elm Court was partial', runId: 'run-1' });
    expect(decideRunNotification(run({ trigger, outcome: 'held-back', heldBackCount: 12 }), 'Elm Court')).toEqual({
      title: 'Elm Court: changes held back',
      body: '12 deletions or credential changes wait for your confirmation. Click to review them.',
      runId: 'run-1',
    });
  });

  it('a quiet success raises none; held-back items on a success or a partial run still notify', () => {
    expect(decideRunNotification(run({}), 'Elm Court')).toBeNull();
    expect(decideRunNotification(run({ heldBackCount: 1 }), 'Elm Court')?.body).toBe('1 deletion or credential change waits for your confirmation. Click to review it.');
    expect(decideRunNotification(run({ outcome: 'partial', heldBackCount: 3 }), 'Elm Court')?.body).toContain('3 deletions or credential changes wait for your confirmation.');
    expect(decideRunNotification(run({ outcome: 'partial', heldBackCount: 1 }), 'Elm Court')?.body).toContain(' 1 deletion or credential change waits for your confirmation.');
    expect(decideRunNotification(run({ outcome: 'failed' }), 'Elm Court')?.body).toBe('The run stopped. Click to see the run.');
  });

  it('a succeeded unattended run with error-level problems notifies "synced with problems"; warnings alone do not (issue 16)', () => {
    expect(decideRunNotification(run({ errorCount: 2 }), 'Elm Court')).toEqual({
      title: 'Elm Court synced with problems',
      body: '2 problems need your attention (the other changes were made). Click to see them.',
      runId: 'run-1',
    });
    expect(decideRunNotification(run({ errorCount: 1 }), 'Elm Court')?.body).toMatch(/^1 problem needs/);
    expect(decideRunNotification(run({ errorCount: 0 }), 'Elm Court')).toBeNull();
    expect(decideRunNotification(run({ trigger: 'manual', errorCount: 2 }), 'Elm Court')).toBeNull();
  });

  it('manual, import, CLI and app-started runs, dry runs and cancelled runs raise none', () => {
    for (const trigger of ['manual', 'import', 'cli', 'app']) expect(decideRunNotification(run({ trigger, outcome: 'failed' }), 'X')).toBeNull();
    expect(decideRunNotification(run({ dryRun: true, outcome: 'failed' }), 'X')).toBeNull();
    expect(decideRunNotification(run({ outcome: 'cancelled' }), 'X')).toBeNull();
  });

  it('refuses a record without an id', () => {
    expect(() => decideRunNotification(run({ id: '' }), 'X')).toThrow();
  });
});
