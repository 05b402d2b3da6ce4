import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChangeView } from '../../src-shared/domain/run-change';
import { change } from './helpers/change-fixtures';
import { RunsScreen } from '../../src-renderer/screens/runs/RunsScreen';
import { createFakeBridge } from './helpers/fake-bridge';
import { detail, listItem, overview, renderWithStores, site } from './helpers/sync-fixtures';

function openRun(changes: ChangeView[]) {
  const fake = createFakeBridge();
  fake.respond('runs.list', () => ({ runs: [listItem()] }));
  fake.respond('overview.get', () => overview([site()]));
  fake.respond('runs.get', () => ({ ...detail(0), changeCount: changes.length }));
  fake.respond('runs.listProblems', () => ({ problems: [] }));
  fake.respond('runs.listChanges', ({ offset, limit }) => ({ changes: changes.slice(offset, offset + limit), total: changes.length }));
  const ctx = renderWithStores(<RunsScreen />, fake);
  act(() => ctx.stores.app.getState().navigate({ screen: 'runs', runId: 'r9' }));
  return { ...ctx, user: userEvent.setup() };
}

describe('run detail: what the run changed (issue 15)', () => {
  it('lists each change with who, old → new and why, and links to the apartment', async () => {
    const { stores, user } = openRun([
      change(),
      change({ seq: 2, action: 'account-updated', kind: 'update-family-member', fields: [{ field: 'email', old: 'old@x.com', new: 'new@x.com' }], why: 'E-mail changed in Rent Manager.', pinKept: false }),
    ]);
    expect(await screen.findByRole('heading', { name: 'Changes (2)' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Changes of this run' });
    const deleted = within(table).getByText('Account deleted').closest('tr')!;
    expect(within(deleted).getByText('Jane Doe (tenant 920)')).toBeTruthy();
    expect(within(deleted).getByText('Primary · tenant 920 · contact 9201')).toBeTruthy();
    expect(within(deleted).getByText('Moved out on Nov 26, 2026.')).toBeTruthy();
    const updated = within(table).getByText('Account updated').closest('tr')!;
    expect(updated.textContent).toContain('old@x.com → new@x.com');
    await user.click(within(deleted).getByRole('button', { name: 'Open apartment Apt 102' }));
    expect(stores.app.getState().route).toEqual({ screen: 'apartments', siteId: 's1', apartmentId: 'apt-102' });
  });

  it('PINs are masked; Reveal asks main for one and Hide masks it again', async () => {
    const { fake, user } = openRun([change({ action: 'pin-changed', kind: 'set-pin', fields: [{ field: 'PIN', old: '••••', new: '••••' }], why: 'New PIN in Rent Manager.' })]);
    fake.respond('runs.revealChangePin', ({ which }) => ({ pin: which === 'before' ? '2468' : '8642' }));
    const row = (await screen.findByText('PIN changed')).closest('tr')!;
    expect(row.textContent).not.toMatch(/2468|8642/);
    await user.click(within(row).getByRole('button', { name: 'Reveal new PIN of Jane Doe (tenant 920)' }));
    await waitFor(() => expect(row.textContent).toContain('8642'));
    expect(row.textContent).not.toContain('2468');
    expect(fake.calls.filter((c) => c.channel === 'runs.revealChangePin').map((c) => c.input)).toEqual([{ runId: 'r9', seq: 1, which: 'after' }]);
    await user.click(within(row).getByRole('button', { name: 'Hide new PIN of Jane Doe (tenant 920)' }));
    expect(row.textContent).not.toContain('8642');
  });

  it('pages: Show more loads the next changes', async () => {
    const many = Array.from({ length: 230 }, (_, i) => change({ seq: i + 1, person: `Person ${i + 1}` }));
    const { user } = openRun(many);
    await screen.findByText('Person 200');
    expect(screen.queryByText('Person 201')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show more (200 of 230)' }));
    expect(await screen.findByText('Person 230')).toBeTruthy();
  });
});
