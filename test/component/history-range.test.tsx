import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RunsScreen } from '../../src-renderer/screens/runs/RunsScreen';
import { createFakeBridge } from './helpers/fake-bridge';
import { listItem, overview, renderWithStores, site } from './helpers/sync-fixtures';

describe('run history range (issue 15)', () => {
  it('says how far back the run history goes', async () => {
    const fake = createFakeBridge();
    fake.respond('runs.list', () => ({ runs: [listItem()] }));
    fake.respond('overview.get', () => overview([site()]));
    fake.respond('history.getRange', () => ({ keepDays: 400, oldestRunAt: '2026-01-05T07:00:00.000Z' }));
    renderWithStores(<RunsScreen />, fake);
    const note = await screen.findByTestId('history-range');
    expect(note.textContent).toMatch(/kept for 400 days; the oldest run shown started .*2026/);
    expect(note.textContent).toContain('Older runs are removed when SiteSync starts');
  });
});
