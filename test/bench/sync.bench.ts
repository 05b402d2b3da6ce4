// Sync engine benchmark (issues 5, 13). Three parts (--part AB runs A and B, --part C the latency table; default all):
//  A. Over HTTP against both sandboxes (default 300 units; --units N): initial import and a
//     no-change resync — Rent Manager requests vs the page floor, SmartPlus writes vs planned
//     changes, wall time vs the 20 writes/s rate-limit floor.
//  B. The pure planner at full scale (default 10,000 units / ~25,000 contacts; --plan-units N):
//     plan time and heap for an initial import and a no-change resync.
//  C. Import at real-world latency (default 600 units at 20, 150 and 400 ms per call on both
//     sandboxes): wall time against the rate-limit floor, 429s and peak requests in flight.
//   node --expose-gc --import tsx test/bench/sync.bench.ts [--units 300] [--plan-units 10000]
//     [--part C] [--latency-units 600] [--latencies 20,150,400]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { propertyRef } from '../../src-shared/domain/external-ref';
import type { SiteConfig } from '../../src-shared/domain/policy';
import { createRentManagerClient } from '../../src-main/rentmanager/client';
import { readRentManagerSnapshot } from '../../src-main/rentmanager/read-snapshot';
import { startRentManagerSandbox } from '../../src-main/sandbox/rentmanager/server';
import { startSmartPlusSandbox } from '../../src-main/sandbox/smartplus';
import { createSmartPlusClient } from '../../src-main/smartplus/client';
import { rentManagerPort } from '../../src-main/sync/adapters/rentmanager-port';
import { smartPlusPort } from '../../src-main/sync/adapters/smartplus-port';
import { applyPlan } from '../../src-main/sync/apply';
import { runSiteSync } from '../../src-main/sync/engine';
import { MemorySmartPlus } from '../fakes/memory-smartplus';
import { MemoryJournal, MemoryRunStore } from '../fakes/memory-stores';
import { plan } from '../../src-main/sync/plan';

const { values } = parseArgs({ options: { units: { type: 'string' }, 'plan-units': { type: 'string' }, part: { type: 'string' }, 'latency-units': { type: 'string' }, latencies: { type: 'string' } } });
const units = Number(values.units ?? 300);
const planUnits = Number(values['plan-units'] ?? 10_000);
const part = (values.part ?? 'ABC').toUpperCase();
const latencyUnits = Number(values['latency-units'] ?? 600);
const latencies = (values.latencies ?? '20,150,400').split(',').map(Number);
const TODAY = '2026-11-27';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const WRITE = /^(POST|PUT|PATCH|DELETE) /;

function sum(record: Record<string, number>, keep: (key: string) => boolean): number {
  return Object.entries(record).reduce((n, [k, v]) => (keep(k) ? n + v : n), 0);
}

// ---- A. over HTTP -------------------------------------------------------------------------
if (part.includes('A') || part.includes('B')) {
const rmBox = await startRentManagerSandbox({ seed: { units }, asOf: TODAY });
const spBox = await startSmartPlusSandbox({});
spBox.admin.activateIntegration(12);
const rmClient = createRentManagerClient({ baseUrl: rmBox.url, corp: rmBox.corp, locationId: rmBox.location, auth: { kind: 'user', username: rmBox.username, password: rmBox.password } });
const spClient = createSmartPlusClient({ baseUrl: spBox.url, username: spBox.username, password: spBox.password });
const properties = (await rmClient.properties()).rows.map((p) => p.PropertyID);
const config: SiteConfig = {
  properties, creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false, apartments: 'all',
  timeZone: 'America/New_York', graceDays: 0, pinField: 'Door PIN', rfCardField: 'RF Card',
};
const ports = { rentManager: rentManagerPort(rmClient), smartPlus: smartPlusPort(spClient), journal: new MemoryJournal(), runs: new MemoryRunStore() };

interface HttpRow { label: string; rmRequests: number; rmFloor: number; spWrites: number; planned: number; spReads: number; wallMs: number; floorMs: number; outcome: string }
async function httpRun(label: string): Promise<HttpRow> {
  const rmBefore = rmBox.admin.counters();
  spBox.admin.resetCounters();
  const started = performance.now();
  const result = await runSiteSync({ site: { id: 'bench', name: 'bench' }, config, ports, trigger: 'cli', today: TODAY });
  const wallMs = performance.now() - started;
  const rmAfter = rmBox.admin.counters();
  const sp = spBox.admin.counters();
  const snapshotSizes = rmBox.admin.sizes();
  const rmFloor = ['properties', 'units', 'tenants', 'leases'].reduce((n, k) => n + Math.max(1, Math.ceil((snapshotSizes as Record<string, number>)[k]! / 1000)), 0) + 1;
  const spWrites = sum(sp.byRoute, (k) => WRITE.test(k));
  return {
    label,
    rmRequests: rmAfter.requests - rmBefore.requests - (rmAfter.signIns - rmBefore.signIns),
    rmFloor,
    spWrites,
    planned: result.plan?.operations.length ?? 0,
    spReads: sum(sp.byRoute, (k) => k.startsWith('GET ')),
    wallMs,
    floorMs: ((spWrites + sum(sp.byRoute, (k) => k.startsWith('GET '))) / 20) * 1000,
    outcome: result.run.outcome,
  };
}
const initial = await httpRun('initial import');
const resync = await httpRun('no-change resync');
await rmClient.signOut();
await Promise.all([rmBox.close(), spBox.close()]);

console.log(`\n### Sync over HTTP — ${units} units, ${properties.length} properties (both sandboxes, 20 req/s SmartPlus limit)\n`);
console.log('| run | outcome | RM requests | RM page floor | SP writes | planned changes | SP reads | wall time | rate-limit floor (all SP requests / 20 per s) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of [initial, resync]) {
  console.log(`| ${r.label} | ${r.outcome} | ${r.rmRequests} | ${r.rmFloor} | ${r.spWrites} | ${r.planned} | ${r.spReads} | ${(r.wallMs / 1000).toFixed(1)} s | ${(r.floorMs / 1000).toFixed(1)} s |`);
}

// ---- B. the planner at full scale ------------------------------------------------------------
const bigBox = await startRentManagerSandbox({ seed: { units: planUnits }, asOf: TODAY });
const bigClient = createRentManagerClient({ baseUrl: bigBox.url, corp: bigBox.corp, locationId: bigBox.location, auth: { kind: 'user', username: bigBox.username, password: bigBox.password } });
const bigProperties = (await bigClient.properties()).rows.map((p) => p.PropertyID);
const rm = await readRentManagerSnapshot(bigClient, { propertyIds: bigProperties, pinField: 'Door PIN', rfCardField: 'RF Card' });
await bigClient.signOut();
await bigBox.close();
const contacts = rm.tenants.reduce((n, t) => n + t.contacts.length, 0);
const bigConfig: SiteConfig = { ...config, properties: bigProperties };

// Each plan is timed in a fresh process holding only the snapshots (plan-worker.ts), once with
// a normal heap and once capped at 150 MB: finishing under the cap shows the peak fits the goal.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-plan-'));
const rmFile = path.join(dir, 'rm.json');
const configFile = path.join(dir, 'config.json');
fs.writeFileSync(rmFile, JSON.stringify(rm));
fs.writeFileSync(configFile, JSON.stringify(bigConfig));
const worker = path.join(import.meta.dirname, 'plan-worker.ts');
function measure(label: string, spFile: string) {
  const run = (extra: string[]) =>
    spawnSync(process.execPath, [...extra, '--expose-gc', '--import', 'tsx', worker, rmFile, spFile, configFile], { encoding: 'utf8' });
  const normal = run([]);
  if (normal.status !== 0) throw new Error(normal.stderr);
  const capped = run(['--max-old-space-size=150']);
  return { label, ...(JSON.parse(normal.stdout.trim()) as { operations: number; min: number; median: number; max: number; cpuMedian: number; baseline: number; peak: number }), capped: capped.status === 0 };
}
const empty = { readAt: TODAY, communities: [] };
const first = measure('initial import (SmartPlus empty)', '-');
const memory = new MemorySmartPlus();
const p0 = plan(rm, empty, bigConfig, TODAY);
await applyPlan(p0.operations, { runId: 'bench', siteId: 'bench', origin: rm.origin, smartPlus: memory, journal: new MemoryJournal(), snapshot: empty, concurrency: 16 });
const spFile = path.join(dir, 'sp.json');
fs.writeFileSync(spFile, JSON.stringify(await memory.readSite(bigProperties.map((id) => propertyRef(rm.origin, id)))));
const second = measure('no-change resync (SmartPlus in step)', spFile);
fs.rmSync(dir, { recursive: true, force: true });

console.log(`\n### Planner — ${planUnits} units, ${contacts} eligible contacts (${rm.tenants.length} tenants); 7 plans per row in a fresh process\n`);
console.log(`load average during the runs: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores\n`);
console.log('| plan | operations | wall min | wall median | wall max | CPU median | heap with snapshots loaded | peak heap while planning | completes with heap capped at 150 MB | goal |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
for (const m of [first, second]) {
  console.log(`| ${m.label} | ${m.operations} | ${m.min.toFixed(0)} ms | ${m.median.toFixed(0)} ms | ${m.max.toFixed(0)} ms | ${m.cpuMedian.toFixed(0)} ms | ${mb(m.baseline)} | ${mb(m.peak)} | ${m.capped ? 'yes' : 'NO'} | ≤ 500 ms, ≤ 150 MB |`);
}
}

// ---- C. import at real-world latency (issue 13) ----------------------------------------------
if (part.includes('C')) {
  const latencyRm = await startRentManagerSandbox({ seed: { units: latencyUnits }, asOf: TODAY });
  const latencyRmClient = createRentManagerClient({ baseUrl: latencyRm.url, corp: latencyRm.corp, locationId: latencyRm.location, auth: { kind: 'user', username: latencyRm.username, password: latencyRm.password } });
  const latencyProperties = (await latencyRmClient.properties()).rows.map((p) => p.PropertyID);
  const latencyConfig: SiteConfig = {
    properties: latencyProperties, creation: 'move-in', deletion: 'move-out', sameAccessAsMaster: false, apartments: 'all',
    timeZone: 'America/New_York', graceDays: 0, pinField: 'Door PIN', rfCardField: 'RF Card',
  };
  const RATE = 20;
  const rows: { latency: number; outcome: string; writes: number; requests: number; wallMs: number; floorMs: number; allFloorMs: number; limited: number; peak: number; rmRequests: number }[] = [];
  for (const latency of latencies) {
    // A fresh, empty SmartPlus per latency (an initial import), limited to the contract's 20/s.
    const sp = await startSmartPlusSandbox({});
    sp.admin.activateIntegration(12);
    const client = createSmartPlusClient({ baseUrl: sp.url, username: sp.username, password: sp.password });
    await client.account();
    sp.admin.latency(latency);
    latencyRm.admin.latency(latency);
    sp.admin.resetCounters();
    const rmBefore = latencyRm.admin.counters().requests;
    client.resetPipePeak();
    process.stderr.write(`import of ${latencyUnits} units at ${latency} ms per call…\n`);
    const started = performance.now();
    const result = await runSiteSync({
      site: { id: `latency-${latency}` }, config: latencyConfig, trigger: 'cli', today: TODAY,
      ports: { rentManager: rentManagerPort(latencyRmClient), smartPlus: smartPlusPort(client), journal: new MemoryJournal(), runs: new MemoryRunStore() },
    });
    const wallMs = performance.now() - started;
    const c = sp.admin.counters();
    const writes = sum(c.byRoute, (k) => WRITE.test(k) && k !== 'POST /auth/token');
    const requests = sum(c.byRoute, (k) => k !== 'POST /auth/token');
    rows.push({
      latency, outcome: result.run.outcome, writes, requests, wallMs, floorMs: (writes / RATE) * 1000, allFloorMs: (requests / RATE) * 1000,
      limited: c.rateLimited, peak: client.pipe().peakInFlight, rmRequests: latencyRm.admin.counters().requests - rmBefore,
    });
    await sp.close();
  }
  latencyRm.admin.latency(0);
  await latencyRmClient.signOut();
  await latencyRm.close();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`\n### Import at real-world latency — ${latencyUnits} units, ${latencyProperties.length} properties, SmartPlus limit ${RATE} requests/s (latency injected on both sandboxes)\n`);
  console.log('| latency per call | outcome | SP writes | SP requests (all) | RM requests | wall time | floor: writes ÷ 20/s | wall ÷ floor | floor: all SP requests ÷ 20/s | wall ÷ that | 429s | 429 share | peak in flight | goal |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const ratio = r.wallMs / r.floorMs;
    const share = r.requests ? (r.limited / r.requests) * 100 : 0;
    const met = ratio <= 1.1 && share <= 2 ? 'met' : 'NOT met';
    console.log(`| ${r.latency} ms | ${r.outcome} | ${r.writes} | ${r.requests} | ${r.rmRequests} | ${s(r.wallMs)} | ${s(r.floorMs)} | ${ratio.toFixed(3)}× | ${s(r.allFloorMs)} | ${(r.wallMs / r.allFloorMs).toFixed(3)}× | ${r.limited} | ${share.toFixed(2)} % | ${r.peak} | ≤ 1.10×, ≤ 2 % 429: ${met} |`);
  }
}
