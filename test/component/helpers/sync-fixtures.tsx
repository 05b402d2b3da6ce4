import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { EMPTY_COUNTS, type Problem, type RunRecord } from '../../../src-shared/domain/run';
import type { Overview, OverviewSite } from '../../../src-shared/ipc/contract/overview';
import type { RunDetail, RunListItem } from '../../../src-shared/ipc/contract/runs';
import { createAppStore } from '../../../src-renderer/stores/app-store';
import { createOverviewStore } from '../../../src-renderer/stores/overview-store';
import { createRunsStore } from '../../../src-renderer/stores/runs-store';
import { createDiagnosticsStore } from '../../../src-renderer/stores/diagnostics-store';
import { createHistoryStore } from '../../../src-renderer/stores/history-store';
import { type Stores, StoresContext } from '../../../src-renderer/stores/stores-context';
import { createSyncProgressStore } from '../../../src-renderer/stores/sync-progress-store';
import { createFakeBridge } from './fake-bridge';

/** A site as the overview lists it, healthy unless overridden. */
export function site(overrides: Partial<OverviewSite> = {}): OverviewSite {
  return {
    id: 's1',
    name: 'Maple Court',
    propertyId: 1,
    apartmentCount: 48,
    asOf: '2026-11-27T07:00:30.000Z',
    lastRun: { id: 'r1', trigger: 'scheduled', outcome: 'succeeded', startedAt: '2026-11-27T07:00:00.000Z', endedAt: '2026-11-27T07:00:30.000Z', problemCount: 3 },
    heldBack: null,
    subscription: 'active',
    subscriptionEndsAt: '2027-11-01T00:00:00.000Z',
    nextRunAt: '2026-11-28T07:00:00.000Z',
    ...overrides,
  };
}

/** An overview with one sandbox customer holding `sites`. */
export function overview(sites: OverviewSite[], overrides: Partial<Overview> = {}): Overview {
  return {
    customers: [{ id: 'c1', name: 'Sandbox Properties', isSandbox: true, sites }],
    schedule: { time: '07:00', zone: 'UTC', lightSyncMinutes: null },
    online: true,
    subscriptionChecked: true,
    running: [],
    ...overrides,
  };
}

/** A finished run record. */
export function runRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'r2',
    siteId: 's1',
    trigger: 'manual',
    dryRun: false,
    startedAt: '2026-11-27T11:00:00.000Z',
    endedAt: '2026-11-27T11:00:20.000Z',
    outcome: 'succeeded',
    counts: { ...EMPTY_COUNTS, accountsCreated: 2, accountsUpdated: 1, credentialsSet: 1 },
    problemCount: 1,
    heldBackCount: 0,
    error: null,
    ...overrides,
  };
}

/** A run as history lists it. */
export function listItem(overrides: Partial<RunListItem> = {}): RunListItem {
  return { ...runRecord(), siteName: 'Maple Court', ...overrides };
}

/** A problem. */
export function problem(overrides: Partial<Problem> = {}): Problem {
  return {
    kind: 'invalid-pin',
    severity: 'warning',
    propertyId: 1,
    unitId: 101,
    tenantId: 920,
    contactId: 9981,
    subject: 'Jane Doe (tenant 920)',
    field: 'pin',
    value: '••••',
    reason: 'A PIN must not start with 9.',
    ...overrides,
  };
}

/** A run detail with `held` held-back deletions. */
export function detail(held = 0, overrides: Partial<RunDetail['run']> = {}): RunDetail {
  return {
    run: listItem({ id: 'r9', heldBackCount: held, outcome: held ? 'held-back' : 'succeeded', ...overrides }),
    problemCounts: { 'invalid-pin': 1, 'missing-email': 2 },
    heldBack: Array.from({ length: held }, (_, i) => ({
      id: `delete-family-member:m${i}`,
      person: `Tenant ${i} (tenant ${100 + i})`,
      unit: `${100 + i}`,
      property: 'Maple Court',
      reason: 'Move-Out Date 2026-11-26 passed',
    })),
    heldBackReason: held ? `The run would delete ${held} of 20 family member accounts (over 10%).` : null,
    changeCount: 0,
    undoOf: null,
    undoneBy: [],
    schedulePaused: false,
  };
}

/** Builds the stores this slice uses on a fake bridge and renders `ui` inside them. */
export function renderWithStores(ui: ReactElement, fake = createFakeBridge()) {
  const stores: Stores = {
    bridge: fake.bridge,
    app: createAppStore(fake.bridge),
    overview: createOverviewStore(fake.bridge),
    runs: createRunsStore(fake.bridge),
    diagnostics: createDiagnosticsStore(fake.bridge),
    history: createHistoryStore(fake.bridge),
    syncProgress: createSyncProgressStore(fake.bridge),
  } as Stores;
  const result = render(<StoresContext.Provider value={stores}>{ui}</StoresContext.Provider>);
  return { ...result, stores, fake };
}
