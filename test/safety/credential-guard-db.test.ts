import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLocalDb, type LocalDb } from '../../src-main/db/local-db';
import { EphemeralSecretStore } from '../../src-main/secrets/ephemeral-secret-store';
import { confirmHeldBack } from '../../src-main/sync/held-back';
import type { SyncPorts } from '../../src-main/sync/ports';
import { runSiteSync } from '../../src-main/sync/engine';
import { siteConfig, startWorld, TODAY, type SandboxWorld } from './helpers/world';

// Issue 12: held-back PIN changes are kept in the run history until confirmed — without the new
// PINs in the database or its WAL — and a confirmation through the same database applies them.
let w: SandboxWorld;
let db: LocalDb;
let dir: string;
beforeAll(async () => {
  w = await startWorld();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-safety-db-'));
  db = await openLocalDb(path.join(dir, 'sitesync.db'), new EphemeralSecretStore());
});
afterAll(async () => {
  db.close();
  await w.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('mass PIN changes are held in the database with PINs masked, and confirming applies them', async () => {
  const cfg = siteConfig();
  const ports: SyncPorts = { ...w.ports, journal: db.journal, runs: db.runs };
  const sync = () => runSiteSync({ site: { id: 'db-site' }, config: cfg, ports, trigger: 'scheduled', today: TODAY });
  expect((await sync()).run.outcome).toBe('succeeded');
  const rm = await w.ports.rentManager.readSnapshot(cfg.properties, cfg);
  const sp = await w.smartPlus(cfg);
  const holders = rm.tenants.filter((t) => t.pin !== null && sp.communities[0]!.residents.some((r) => r.pin === t.pin));
  expect(holders.length).toBeGreaterThan(7);
  const fresh = new Map(holders.map((t, i) => [t.id, `${31_370 + i * 7}`]));
  for (const [id, pin] of fresh) w.rm.admin.setPin(id, pin);

  const held = await sync();
  expect(held.run.outcome).toBe('held-back');
  expect(held.heldBack.map((h) => h.operation.kind)).toEqual(Array(fresh.size).fill('set-pin'));
  const stored = await db.runs.listHeldBack(held.run.id);
  expect(stored).toHaveLength(fresh.size);
  const files = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('\n');
  for (const pin of fresh.values()) expect(files).not.toContain(pin);

  const confirmed = await confirmHeldBack({ runId: held.run.id, site: { id: 'db-site' }, config: cfg, ports, today: TODAY });
  expect(confirmed.run.outcome).toBe('succeeded');
  expect(await db.runs.listHeldBack(held.run.id)).toEqual([]);
  const after = new Set((await w.smartPlus(cfg)).communities[0]!.residents.map((r) => r.pin));
  for (const pin of fresh.values()) expect(after.has(pin)).toBe(true);
});
