import { expect, openApp, test } from './fixtures';
import { currentTenants, importSmallestSite, nextFinished, yesterday } from './overview-runs-helpers';

// Issue 12 end to end: held-back deletions are confirmed by main's own dialog (the fixture's
// ConfirmDouble stands in for Electron's dialog.showMessageBox). A compromised page calling the
// channel itself, and a user whose second answer is "Cancel", both leave everything as it was.

test('a page cannot confirm held-back deletions by itself; only main’s dialog can', async ({ page, app }) => {
  test.setTimeout(120_000);
  const site = await importSmallestSite(app);
  const tenants = await currentTenants(app, site.siteId);
  const members = tenants.reduce((n, t) => n + t.contacts.length, 0);
  let count = 0;
  for (const t of tenants) {
    if (count > Math.max(6, members * 0.15)) break;
    app.services.sandbox!.rentManager.admin.moveOut(t.id, yesterday());
    count += t.contacts.length;
  }
  await openApp(page, app);
  const ended = nextFinished(app, site.siteId);
  await page.getByRole('button', { name: `Resync ${site.name}` }).click();
  const held = await ended;
  expect(held.outcome).toBe('held-back');

  // A compromised renderer calls the channel straight through window.bridge; main's dialog says Cancel.
  app.confirm.answerNext(false);
  const forged = await page.evaluate((runId) => (window as unknown as { bridge: { invoke(c: string, i: unknown): Promise<unknown> } }).bridge.invoke('runs.confirmHeldBack', { runId }), held.id);
  expect(forged).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMED' } });
  expect(app.confirm.asked.at(-1)).toMatchObject({ message: `Apply ${count} held-back changes to ${site.name}?` });
  const stillHeld = app.services.ctx.db.runs.getRun(held.id);
  expect(stillHeld?.heldBackCount).toBe(count);

  // The user goes through the screen's dialog, but answers main's dialog with Cancel: nothing is deleted, and the screen says so.
  await page.getByRole('button', { name: `Review ${count} held-back deletions of ${site.name}` }).click();
  await page.getByRole('button', { name: 'Confirm deletions' }).click();
  app.confirm.answerNext(false);
  await page.getByRole('dialog', { name: `Delete ${count} accounts?` }).getByRole('button', { name: `Delete ${count} accounts` }).click();
  await expect(page.getByText(/Nothing was deleted or removed/)).toBeVisible();
  await expect(page.getByRole('heading', { name: `Deletions waiting for you (${count})` })).toBeVisible();

  // Only a "yes" in main's dialog applies them.
  await page.getByRole('button', { name: 'Confirm deletions' }).click();
  const confirmed = nextFinished(app, site.siteId);
  await page.getByRole('dialog', { name: `Delete ${count} accounts?` }).getByRole('button', { name: `Delete ${count} accounts` }).click();
  expect((await confirmed).counts.accountsDeleted).toBe(count);
});
