import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addDays } from '../../src-shared/domain/calendar-date';
import type { RunRecord } from '../../src-shared/domain/run';
import type { RmTenant } from '../../src-shared/domain/rentmanager';
import type { ImportedSite, PropertyOption } from '../../src-shared/ipc/contract/sites';
import { dispatch } from '../../src-main/ipc/dispatch';
import { rentManagerPort } from '../../src-main/sync/adapters/rentmanager-port';
import { todayInZone } from '../../src-main/sync/today';
import { expect, type RunningApp, screenshot } from './fixtures';

const RM = 'sandbox-rentmanager';

/** Calls a channel through the same dispatch the bridge uses; fails on an error envelope. */
export async function call<T>(app: RunningApp, channel: string, input?: unknown): Promise<T> {
  const envelope = await dispatch(app.services.handlers, channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

/** Resolves with the `sync.finished` record of the next run of `siteId` that ends (optionally a given run). */
export function nextFinished(app: RunningApp, siteId: string, runId?: string): Promise<RunRecord> {
  return new Promise((resolve) => {
    const stop = app.services.events.subscribe((event, payload) => {
      const run = payload as RunRecord;
      if (event === 'sync.finished' && run.siteId === siteId && !run.dryRun && (!runId || run.id === runId)) {
        stop();
        resolve(run);
      }
    });
  });
}

/**
 * The import, done through the services (the Get Site wizard has its own E2E): pays for the
 * integration in the sandbox and imports the smallest property with every unit.
 */
export async function importSmallestSite(app: RunningApp): Promise<{ siteId: string; name: string }> {
  app.services.sandbox!.smartPlus.admin.activateIntegration(12);
  const properties = await call<PropertyOption[]>(app, 'sites.listProperties', { connectionId: RM });
  const smallest = [...properties].sort((a, b) => a.unitCount - b.unitCount)[0]!;
  const { sites } = await call<{ sites: ImportedSite[] }>(app, 'sites.import', {
    connectionId: RM,
    policy: { creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false },
    properties: [{ propertyId: smallest.id, units: 'all' }],
  });
  const site = sites[0]!;
  await nextFinished(app, site.siteId, site.runId);
  return { siteId: site.siteId, name: site.name };
}

/** Tenants of the site's property who hold accounts today, read from the Rent Manager sandbox. */
export async function currentTenants(app: RunningApp, siteId: string): Promise<RmTenant[]> {
  const site = app.services.ctx.db.sites.get(siteId)!;
  const client = await app.services.ctx.clients.rentManager(RM);
  const snapshot = await rentManagerPort(client).readSnapshot([site.propertyId], site.policy);
  const today = todayInZone(new Date(), site.policy.timeZone);
  return snapshot.tenants.filter(
    (t) => t.contacts.length > 0 && t.leases.some((l) => l.moveIn !== null && l.moveIn <= today && (l.moveOut === null || l.moveOut >= today)),
  );
}

/** Yesterday in New York (the sandbox sites' zone). */
export function yesterday(): string {
  return addDays(todayInZone(new Date(), 'America/New_York'), -1);
}

/** Asserts axe finds nothing serious or critical on the page as it is. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Screenshots the page light and dark (the theme follows the OS), then checks axe in both (screenshots first: a run in progress moves on). */
export async function shootBoth(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await expectAccessible(page);
}
