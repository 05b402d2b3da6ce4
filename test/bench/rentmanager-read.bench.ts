/**
 * Benchmark: a full Rent Manager read of the bench portfolio through the real client and the
 * sandbox over loopback HTTP. Prints markdown tables: requests per collection against the page
 * floor ceil(rows/1000), and wall time / peak memory at 0 ms and 20 ms injected latency.
 *
 *   npx tsx test/bench/rentmanager-read.bench.ts [--units 10000] [--properties 5000]
 *
 * `--properties N` spreads the units over N properties (a large configuration, issue 13): the
 * read stays a handful of pages per collection instead of one request per property.
 *
 * The sandbox runs in a child process (this file with --serve), so the memory figures are the
 * client's own: the read, the normalised snapshot and the HTTP bodies.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createRentManagerClient } from '../../src-main/rentmanager/client';
import { readRentManagerSnapshot } from '../../src-main/rentmanager/read-snapshot';
import { startRentManagerSandbox } from '../../src-main/sandbox/rentmanager/server';

const args = process.argv.slice(2);
const units = Number(args[args.indexOf('--units') + 1]) || 10_000;
const propertyCount = args.includes('--properties') ? Number(args[args.indexOf('--properties') + 1]) : null;
const PAGE = 1000;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Served {
  url: string;
  corp: string;
  location: number;
  partnerToken: string;
  username: string;
  password: string;
}

async function serve(): Promise<void> {
  const sb = await startRentManagerSandbox({ seed: propertyCount ? { units, properties: propertyCount } : units === 10_000 ? 'bench' : { units }, requestsPerMinute: 1_000_000 });
  process.stdout.write(`${JSON.stringify({ url: sb.url, corp: sb.corp, location: sb.location, partnerToken: sb.partnerToken, username: sb.username, password: sb.password, sizes: sb.admin.sizes() })}\n`);
  process.stdin.on('end', () => void sb.close().then(() => process.exit(0)));
  process.stdin.resume();
}

async function startChild(): Promise<{ served: Served & { sizes: Record<string, number> }; stop: () => void }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve', '--units', String(units), ...(propertyCount ? ['--properties', String(propertyCount)] : [])], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  return { served: JSON.parse(line) as Served & { sizes: Record<string, number> }, stop: () => child.stdin.end() };
}

async function admin(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}/__sandbox/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return res.json();
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function run(): Promise<void> {
  const started = Date.now();
  const { served, stop } = await startChild();
  process.stderr.write(`sandbox with ${units} units ready in ${Date.now() - started} ms\n`);
  try {
    const client = createRentManagerClient({ baseUrl: served.url, corp: served.corp, locationId: served.location, auth: { kind: 'user', username: served.username, password: served.password }, timeoutMs: 120_000 });
    const properties = await client.properties({ fields: ['PropertyID'] });
    const propertyIds = properties.rows.map((p) => p.PropertyID);
    const results: { latency: number; ms: number; requests: number; base: number; heap: number; rss: number }[] = [];
    let byRoute: Record<string, number> = {};
    let snapshotSizes = { properties: 0, units: 0, tenants: 0, contacts: 0, skipped: 0, leases: 0 };
    for (const latency of [0, 20]) {
      await admin(served.url, 'PUT', 'latency', { ms: latency });
      await admin(served.url, 'POST', 'counters/reset');
      gc();
      const base = process.memoryUsage();
      let heap = base.heapUsed;
      let rss = base.rss;
      const sample = setInterval(() => {
        const m = process.memoryUsage();
        heap = Math.max(heap, m.heapUsed);
        rss = Math.max(rss, m.rss);
      }, 5);
      const t0 = performance.now();
      const snap = await readRentManagerSnapshot(client, { propertyIds, pinField: 'Door PIN', rfCardField: 'RF Card' });
      const ms = performance.now() - t0;
      clearInterval(sample);
      const counters = (await admin(served.url, 'GET', 'counters')) as { requests: number; byRoute: Record<string, number> };
      byRoute = counters.byRoute;
      snapshotSizes = { properties: snap.properties.length, units: snap.units.length, tenants: snap.tenants.length, contacts: snap.tenants.reduce((n, t) => n + t.contacts.length, 0), skipped: snap.skippedContacts.length, leases: snap.tenants.reduce((n, t) => n + t.leases.length, 0) };
      results.push({ latency, ms, requests: counters.requests, base: base.heapUsed, heap, rss });
      if (snap.failedProperties.length) process.stderr.write(`failed properties: ${JSON.stringify(snap.failedProperties)}\n`);
    }
    const rows: [string, string, number][] = [
      ['Properties', 'GET /Properties', snapshotSizes.properties],
      ['Units', 'GET /Units', snapshotSizes.units],
      ['Tenants (+ Contacts, PhoneNumbers, Leases, UDVs embedded)', 'GET /Tenants', snapshotSizes.tenants],
      ['Leases (+ LeaseRenewals)', 'GET /Leases', snapshotSizes.leases],
      ['UserDefinedFields', 'GET /UserDefinedFields', served.sizes.userDefinedFields ?? 0],
    ];
    console.log(`\n### Rent Manager full read — ${units} units, ${served.sizes.contacts} contacts (${snapshotSizes.contacts} synced, ${snapshotSizes.skipped} skipped), ${snapshotSizes.properties} properties\n`);
    console.log('| collection | rows | requests | page floor ceil(rows/1000) |');
    console.log('|---|---:|---:|---:|');
    for (const [name, route, n] of rows) console.log(`| ${name} | ${n} | ${byRoute[route] ?? 0} | ${Math.max(1, Math.ceil(n / PAGE))} |`);
    console.log('| sign-in (AuthorizeUser) | — | 1 (before the timed runs; token reused) | — |');
    console.log('\n| injected latency | wall time | requests | client heap before → peak | peak RSS (client process) |');
    console.log('|---:|---:|---:|---:|---:|');
    for (const r of results) console.log(`| ${r.latency} ms | ${(r.ms / 1000).toFixed(2)} s | ${r.requests} | ${mb(r.base)} → ${mb(r.heap)} | ${mb(r.rss)} |`);
    const perProperty = snapshotSizes.properties * 4 + 1;
    console.log(`\nFor comparison, one request per property and collection: ${perProperty} requests, at least ${(perProperty / 300).toFixed(1)} min at the client's 300 requests/min budget (Rent Manager allows 500/min, shared).`);
    await client.signOut();
  } finally {
    stop();
  }
}

if (args.includes('--serve')) await serve();
else await run();
