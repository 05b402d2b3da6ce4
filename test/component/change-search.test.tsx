import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FoundChange } from '../../src-shared/ipc/contract/runs';
import { ChangeSearchScreen, lastNight } from '../../src-renderer/screens/runs/ChangeSearchScreen';
import { change } from './helpers/change-fixtures';
import { createFakeBridge } from './helpers/fake-bridge';
import { overview, renderWithStores, site } from './helpers/sync-fixtures';

const found = (over: Partial<FoundChange> = {}): FoundChange => ({ ...change(), siteName: 'Maple Court', trigger: 'scheduled', ...over });

function setup(answer: (input: unknown) => { changes: FoundChange[]; more: boolean }) {
  const fake = createFakeBridge();
  fake.respond('overview.get', () => overview([site(), site({ id: 's2', name: 'Oak Plaza' })]));
  fake.respond('runs.searchChanges', (input) => answer(input));
  return { ...renderWithStores(<ChangeSearchScreen />, fake), user: userEvent.setup() };
}

describe('search changes across runs (issue 15)', () => {
  it('"Who lost access last night?" searches removals in last night\'s window and lists them with links', async () => {
    const { fake, stores, user } = setup(() => ({ changes: [found(), found({ seq: 2, siteId: 's2', siteName: 'Oak Plaza', action: 'pin-removed', kind: 'remove-pin', fields: [{ field: 'PIN', old: '••••', new: null }], why: 'PIN field cleared in Rent Manager.' })], more: false }));
    await user.click(screen.getByRole('button', { name: 'Who lost access last night?' }));
    const call = fake.calls.find((c) => c.channel === 'runs.searchChanges')!.input as { accessRemoved: boolean; from: string; to: string };
    const window = lastNight();
    expect(call).toMatchObject({ accessRemoved: true, from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() });
    const table = await screen.findByRole('table', { name: 'Matching changes' });
    expect(within(table).getByText('Account deleted')).toBeTruthy();
    expect(within(table).getByText('PIN removed').closest('tr')!.textContent).toContain('Oak Plaza');
    expect(screen.getByText('2 matching changes.')).toBeTruthy();
    await user.click(within(table).getAllByRole('button', { name: 'Open the run' })[0]!);
    expect(stores.app.getState().route).toEqual({ screen: 'runs', runId: 'r9' });
  });

  it('searches by name within a site, and refuses a period that ends before it starts', async () => {
    const { fake, user } = setup(() => ({ changes: [], more: false }));
    await user.type(screen.getByLabelText('Person, unit, e-mail or RF card'), 'jane');
    await screen.findByRole('option', { name: 'Oak Plaza' });
    await user.selectOptions(screen.getByLabelText('Site'), 's2');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(fake.calls.filter((c) => c.channel === 'runs.searchChanges').map((c) => c.input)).toEqual([{ text: 'jane', siteId: 's2', accessRemoved: false, limit: 200 }]);
    expect(await screen.findByText('No change matches.')).toBeTruthy();
    act(() => {
      (screen.getByLabelText('From') as HTMLInputElement).value = '';
    });
    await user.type(screen.getByLabelText('From'), '2026-11-28T10:00');
    await user.type(screen.getByLabelText('Until'), '2026-11-27T10:00');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByRole('alert').textContent).toContain('must come after its start');
    expect(fake.calls.filter((c) => c.channel === 'runs.searchChanges')).toHaveLength(1);
  });
});
