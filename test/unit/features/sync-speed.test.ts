import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { err, ok, startSitesRig, type SitesRig } from './sites-rig';

let rig: SitesRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('settings: maximum requests in flight (issue 13)', () => {
  it('defaults to 16, saves within 1–64 to the preferences file, and the SmartPlus client follows at once', async () => {
    rig = await startSitesRig();
    expect(ok<number>(await rig.call('settings.getMaxRequestsInFlight'))).toBe(16);
    const client = await rig.services.ctx.clients.smartPlus();
    expect(client.pipe().limit).toBeLessThanOrEqual(16);
    expect(err(await rig.call('settings.saveMaxRequestsInFlight', 0)).code).toBe('BAD_INPUT');
    expect(err(await rig.call('settings.saveMaxRequestsInFlight', 65)).code).toBe('BAD_INPUT');
    expect(ok<number>(await rig.call('settings.saveMaxRequestsInFlight', 1))).toBe(1);
    expect(ok<number>(await rig.call('settings.getMaxRequestsInFlight'))).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(rig.dir, 'preferences.json'), 'utf8')).maxRequestsInFlight).toBe(1);
    // The cached client of the running app: capped at once, without a restart.
    expect(client.pipe().limit).toBe(1);
  });
});
