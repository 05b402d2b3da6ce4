import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src-shared/domain/run';
import type { DiagnosticsSaved } from '../../src-shared/ipc/contract/diagnostics';
import { RunsScreen } from '../../src-renderer/screens/runs/RunsScreen';
import { SettingsScreen } from '../../src-renderer/screens/settings/SettingsScreen';
import { createFakeBridge } from './helpers/fake-bridge';
import { renderWith } from './helpers/get-site-fixtures';
import { detail, listItem, overview, problem, renderWithStores, site } from './helpers/sync-fixtures';

const FOLDER = '/home/me/Desktop/sitesync-diagnostics-20261127-120000';
const SAVED: DiagnosticsSaved = { saved: true, folder: FOLDER, files: ['README.md', 'about.json', 'log.jsonl', 'run-report.json', 'response-shapes.json'] };

function settingsBridge() {
  const fake = createFakeBridge();
  fake.respond('settings.get', () => ({ schedule: { time: '07:00', zone: 'UTC', lightSyncMinutes: null }, nextRunAt: '2026-11-28T07:00:00.000Z', sandbox: false }));
  fake.respond('settings.previewSchedule', (s) => ({ schedule: s, nextRunAt: '2026-11-28T07:00:00.000Z' }));
  fake.respond('sites.list', () => []);
  return fake;
}

async function openSettings() {
  const fake = settingsBridge();
  renderWith(<SettingsScreen />, fake);
  const card = (await screen.findByRole('heading', { name: 'Support' })).closest('section')!;
  return { fake, card: within(card), user: userEvent.setup() };
}

function openRun(outcome: RunOutcome) {
  const fake = createFakeBridge();
  fake.respond('runs.list', () => ({ runs: [listItem()] }));
  fake.respond('overview.get', () => overview([site()]));
  fake.respond('runs.get', () => detail(0, { outcome, error: outcome === 'failed' ? 'SmartPlus answered a resident in a shape SiteSync cannot read.' : null }));
  fake.respond('runs.problems', () => ({ problems: [problem()] }));
  const ctx = renderWithStores(<RunsScreen />, fake);
  act(() => ctx.stores.app.getState().navigate({ screen: 'runs', runId: 'r9' }));
  return { ...ctx, user: userEvent.setup() };
}

describe('Save diagnostics in Settings', () => {
  it('asks main to save, shows where the report went, and offers Show in folder', async () => {
    const { fake, card, user } = await openSettings();
    expect(card.getByText(/No passwords, tokens, PINs, card numbers, names or e-mail addresses/)).toBeTruthy();
    let answer!: (v: DiagnosticsSaved) => void;
    fake.respond('diagnostics.saveReport', () => new Promise((r) => (answer = r)));
    fake.respond('diagnostics.showFolder', () => undefined);
    await user.click(card.getByRole('button', { name: 'Save diagnostics…' }));
    expect((card.getByRole('button', { name: 'Saving diagnostics…' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => answer(SAVED));
    const status = card.getByRole('status');
    expect(status.textContent).toContain(`Diagnostics report saved in ${FOLDER}`);
    expect(status.textContent).toContain('5 files');
    expect(fake.calls.find((c) => c.channel === 'diagnostics.saveReport')?.input).toEqual({});
    await user.click(within(status).getByRole('button', { name: 'Show in folder' }));
    expect(fake.calls.find((c) => c.channel === 'diagnostics.showFolder')?.input).toEqual({ folder: FOLDER });
  });

  it('says nothing was saved when the folder dialog is cancelled', async () => {
    const { fake, card, user } = await openSettings();
    fake.respond('diagnostics.saveReport', () => ({ saved: false }));
    await user.click(card.getByRole('button', { name: 'Save diagnostics…' }));
    expect((await card.findByRole('status')).textContent).toBe('No diagnostics report was saved.');
    expect(card.queryByRole('button', { name: 'Show in folder' })).toBeNull();
  });

  it('explains a failure with the next step, and a refused Show in folder', async () => {
    const { fake, card, user } = await openSettings();
    fake.fail('diagnostics.saveReport', { code: 'BAD_INPUT', message: 'The report could not be written in /mnt/usb (EACCES). Choose a folder you can write to.', retryable: false });
    await user.click(card.getByRole('button', { name: 'Save diagnostics…' }));
    const alert = await card.findByRole('alert');
    expect(alert.textContent).toContain('could not be written in /mnt/usb');
    expect(alert.textContent).not.toContain('highlighted field');
    fake.respond('diagnostics.saveReport', () => SAVED);
    fake.fail('diagnostics.showFolder', { code: 'NOT_FOUND', message: 'SiteSync did not save a report there.', retryable: false });
    await user.click(card.getByRole('button', { name: 'Save diagnostics…' }));
    await user.click(await card.findByRole('button', { name: 'Show in folder' }));
    expect((await card.findByRole('alert')).textContent).toContain('did not save a report there');
  });
});

describe('Save diagnostics on a run', () => {
  it('a failed run offers it, for that run', async () => {
    const { fake, user } = openRun('failed');
    fake.respond('diagnostics.saveReport', () => SAVED);
    await screen.findByRole('heading', { level: 1, name: 'Run of Maple Court' });
    await user.click(screen.getByRole('button', { name: 'Save diagnostics…' }));
    expect(fake.calls.find((c) => c.channel === 'diagnostics.saveReport')?.input).toEqual({ runId: 'r9' });
    const saved = await screen.findByText(/Diagnostics report saved in/);
    expect(saved.closest('[role="status"]')!.textContent).toContain(FOLDER);
    expect(screen.getByRole('button', { name: 'Show in folder' })).toBeTruthy();
  });

  it('a partial run offers it too; a succeeded or held-back run does not', async () => {
    const partial = openRun('partial');
    await screen.findByRole('heading', { level: 1, name: 'Run of Maple Court' });
    expect(screen.getByRole('button', { name: 'Save diagnostics…' })).toBeTruthy();
    partial.unmount();
    for (const outcome of ['succeeded', 'held-back'] as const) {
      const view = openRun(outcome);
      await screen.findByRole('heading', { level: 1, name: 'Run of Maple Court' });
      expect(screen.getByRole('button', { name: 'Export to CSV' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Save diagnostics…' })).toBeNull();
      view.unmount();
    }
  });
});
