import { describe, expect, it } from 'vitest';
import { createSettingsStore, unitsKey } from '../../src-renderer/stores/settings-store';
import { createFakeBridge } from './helpers/fake-bridge';

describe('settings store: units of the policy’s Custom apartments', () => {
  it('loads a property’s units through the store once, and says why when it cannot', async () => {
    const fake = createFakeBridge();
    fake.respond('sites.listUnits', (q) => [{ id: q.propertyId * 10, name: `Unit of ${q.propertyId}` }]);
    const store = createSettingsStore(fake.bridge);
    await Promise.all([store.getState().loadUnits('conn-1', 12), store.getState().loadUnits('conn-1', 12)]);
    expect(store.getState().units[unitsKey('conn-1', 12)]).toMatchObject({ status: 'ready', value: [{ id: 120, name: 'Unit of 12' }] });
    expect(fake.calls.filter((c) => c.channel === 'sites.listUnits')).toHaveLength(1);

    fake.fail('sites.listUnits', { code: 'RM_UNAVAILABLE', message: 'Rent Manager is not answering.', retryable: true });
    await store.getState().loadUnits('conn-1', 13);
    const failed = store.getState().units[unitsKey('conn-1', 13)];
    expect(failed?.status === 'error' && failed.error.text).toBe('Rent Manager is not answering.');
  });
});
