import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { trackNetwork } from '../../../src-main/features/track-network';
import { OnlineState } from '../../../src-main/services/online-state';

describe('trackNetwork', () => {
  const client = {
    ping: async () => 'pong',
    devices: {
      create: async (fail: boolean) => {
        if (fail) throw new AppError('OFFLINE', 'no network');
        return { id: 'd1' };
      },
      limits: [1, 2],
    },
    name: 'sp',
  };

  it('reports offline from a nested resource call, and online again from any answer', async () => {
    const online = new OnlineState(true);
    const tracked = trackNetwork(client, online);
    await expect(tracked.devices.create(true)).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(online.online).toBe(false);
    expect(await tracked.ping()).toBe('pong');
    expect(online.online).toBe(true);
    expect(await tracked.devices.create(false)).toEqual({ id: 'd1' });
  });

  it('is transparent for plain values and keeps one wrapper per nested object', () => {
    const tracked = trackNetwork(client, new OnlineState(true));
    expect(tracked.name).toBe('sp');
    expect(tracked.devices.limits).toEqual([1, 2]);
    expect(tracked.devices).toBe(tracked.devices);
  });
});
