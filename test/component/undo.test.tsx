import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UndoPreview } from '../../src-shared/ipc/contract/runs';
import { OverviewScreen } from '../../src-renderer/screens/overview/OverviewScreen';
import { RunsScreen } from '../../src-renderer/screens/runs/RunsScreen';
import { change } from './helpers/change-fixtures';
import { createFakeBridge } from './helpers/fake-bridge';
import { detail, listItem, overview, renderWithStores, site } from './helpers/sync-fixtures';

const preview: UndoPreview = {
  runId: 'r9', siteId: 's1', siteName: 'Maple Court',
  steps: [
    { id: 'create-family-member:x', kind: 'create-family-member', target: 'Maple Court / Apt 102 / Jane Doe (tenant 920)', detail: 'Undo of run r9: account deleted by it.' },
    { id: 'set-pin:x', kind: 'set-pin', target: 'Maple Court / Apt 102 / Jane Doe (tenant 920)', detail: 'Undo of run r9: account deleted by it.' },
  ],
  notUndone: [{ kind: 'not-undone', severity: 'warning', propertyId: 1, unitId: 101, tenantId: 1, contactId: 11, subject: 'Sam Roe (tenant 1)', field: 'pin-changed', value: null, reason: 'Changed since; not undone: email changed after the run.' }],
  heldBack: [],
  heldBackReason: null,
};

function openRun() {
  const fake = createFakeBridge();
  fake.respond('runs.list', () => ({ runs: [listItem()] }));
  fake.respond('overview.get', () => overview([site()]));
  fake.respond('runs.get', () => ({ ...detail(0), changeCount: 1 }));
  fake.respond('runs.listProblems', () => ({ problems: [] }));
  fake.respond('runs.listChanges', () => ({ changes: [change()], total: 1 }));
  fake.respond('runs.previewUndo', () => preview);
  const ctx = renderWithStores(<RunsScreen />, fake);
  act(() => ctx.stores.app.getState().navigate({ screen: 'runs', runId: 'r9' }));
  return { ...ctx, user: userEvent.setup() };
}

describe('undo a run (issue 15)', () => {
  it('previews the steps and what is left, offers to pause the schedule, then undoes and links the undo run', async () => {
    const { fake, stores, user } = openRun();
    await user.click(await screen.findByRole('button', { name: 'Undo this run' }));
    const dialog = await screen.findByRole('dialog', { name: 'Undo this run of Maple Court?' });
    expect(await within(dialog).findByRole('table', { name: 'Undo steps' })).toBeTruthy();
    expect(within(dialog).getByText('Create account again')).toBeTruthy();
    expect(within(dialog).getByText('Changed since; not undone: email changed after the run.')).toBeTruthy();
    const pause = within(dialog).getByRole('checkbox', { name: /Pause the schedule of Maple Court/ }) as HTMLInputElement;
    expect(pause.checked).toBe(true);
    fake.respond('runs.undo', () => ({ ...detail(0).run, id: 'r10', trigger: 'undo', undoOf: 'r9', counts: { ...detail(0).run.counts, accountsCreated: 1, credentialsSet: 1 } }));
    fake.respond('runs.get', () => ({ ...detail(0), changeCount: 1, undoneBy: ['r10'], schedulePaused: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Undo 2 changes' }));
    expect(fake.calls.filter((c) => c.channel === 'runs.undo').map((c) => c.input)).toEqual([{ runId: 'r9', pauseSchedule: true, allowMassChange: false }]);
    expect((await screen.findByText(/^Undone:/)).textContent).toContain('is paused until you resume it');
    await waitFor(() => expect(screen.getByText(/Undone by/).textContent).toContain('paused'));
    await user.click(screen.getByRole('button', { name: 'Open the undo run' }));
    expect(stores.app.getState().route).toEqual({ screen: 'runs', runId: 'r10' });
  });

  it('Go back closes the preview and undoes nothing; without the pause the schedule is left running', async () => {
    const { fake, user } = openRun();
    await user.click(await screen.findByRole('button', { name: 'Undo this run' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Go back' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls.some((c) => c.channel === 'runs.undo')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Undo this run' }));
    const again = await screen.findByRole('dialog');
    await within(again).findByRole('table', { name: 'Undo steps' });
    await user.click(within(again).getByRole('checkbox', { name: /Pause the schedule/ }));
    fake.respond('runs.undo', () => ({ ...detail(0).run, id: 'r10', trigger: 'undo', undoOf: 'r9' }));
    await user.click(within(again).getByRole('button', { name: 'Undo 2 changes' }));
    expect(fake.calls.filter((c) => c.channel === 'runs.undo').map((c) => c.input)).toEqual([{ runId: 'r9', pauseSchedule: false, allowMassChange: false }]);
  });
});

describe('the overview shows a paused site (issue 15)', () => {
  it('"Paused" instead of the next run, and Resume schedule resumes it', async () => {
    const fake = createFakeBridge();
    let paused = true;
    fake.respond('overview.get', () => overview([site({ schedulePaused: paused })]));
    fake.respond('runs.resumeSchedule', () => {
      paused = false;
      return { paused: false };
    });
    renderWithStores(<OverviewScreen />, fake);
    expect(await screen.findByText('Paused')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Resume schedule of Maple Court' }));
    await waitFor(() => expect(screen.queryByText('Paused')).toBeNull());
    expect(fake.calls.filter((c) => c.channel === 'runs.resumeSchedule').map((c) => c.input)).toEqual([{ siteId: 's1' }]);
  });
});

describe('the overview: changes waiting for approval (issue 15)', () => {
  function setup() {
    const fake = createFakeBridge();
    let waiting = true;
    fake.respond('overview.get', () => overview([site({ heldBack: waiting ? { runId: 'r7', count: 7, approval: true } : null })]));
    fake.respond('runs.confirmHeldBack', () => {
      waiting = false;
      return { ...detail(0).run, id: 'r8' };
    });
    fake.respond('runs.keepHeldBack', () => {
      waiting = false;
      return { kept: 7 };
    });
    return { ...renderWithStores(<OverviewScreen />, fake), user: userEvent.setup() };
  }

  it('shows "7 changes waiting" with Approve, Reject and Review; Approve applies them', async () => {
    const { fake, user } = setup();
    expect(await screen.findByText('7 changes waiting')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Approve 7 changes for Maple Court' }));
    await waitFor(() => expect(screen.queryByText('7 changes waiting')).toBeNull());
    expect(fake.calls.filter((c) => c.channel === 'runs.confirmHeldBack').map((c) => c.input)).toEqual([{ runId: 'r7' }]);
  });

  it('Reject drops them; Review opens the waiting run', async () => {
    const { fake, stores, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Review the changes waiting for Maple Court' }));
    expect(stores.app.getState().route).toEqual({ screen: 'runs', runId: 'r7' });
    act(() => stores.app.getState().navigate({ screen: 'overview' }));
    await user.click(screen.getByRole('button', { name: 'Reject the changes waiting for Maple Court' }));
    await waitFor(() => expect(screen.queryByText('7 changes waiting')).toBeNull());
    expect(fake.calls.some((c) => c.channel === 'runs.confirmHeldBack')).toBe(false);
    expect(fake.calls.filter((c) => c.channel === 'runs.keepHeldBack').map((c) => c.input)).toEqual([{ runId: 'r7' }]);
  });
});

describe('run detail: a run waiting for approval (issue 15)', () => {
  it('lists the waiting changes; Approve applies them and says so', async () => {
    const fake = createFakeBridge();
    fake.respond('runs.list', () => ({ runs: [listItem()] }));
    fake.respond('overview.get', () => overview([site()]));
    fake.respond('runs.get', () => ({ ...detail(3), heldBackApproval: true, heldBackReason: 'Waiting for your approval.' }));
    fake.respond('runs.listProblems', () => ({ problems: [] }));
    const { stores } = renderWithStores(<RunsScreen />, fake);
    act(() => stores.app.getState().navigate({ screen: 'runs', runId: 'r9' }));
    expect(await screen.findByRole('heading', { name: 'Changes waiting for your approval (3)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirm deletions' })).toBeNull();
    fake.respond('runs.confirmHeldBack', () => ({ ...detail(0).run, id: 'r10', counts: { ...detail(0).run.counts, accountsCreated: 3 } }));
    fake.respond('runs.get', () => detail(0));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Approve 3 changes' }));
    expect((await screen.findByText(/^Approved and applied/)).textContent).toContain('3 created');
  });
});
