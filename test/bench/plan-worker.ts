// Child of sync.bench.ts: loads a saved Rent Manager snapshot (and optionally a SmartPlus one)
// and times the pure planner in a process that holds nothing else (wall and CPU time: the CPU
// time stays meaningful when other work shares the cores), printing one JSON line.
//   node --expose-gc --import tsx test/bench/plan-worker.ts <rm.json> <sp.json|-> <config.json>
import fs from 'node:fs';
import { plan } from '../../src-main/sync/plan';

const [rmFile, spFile, configFile] = process.argv.slice(2) as [string, string, string];
const rm = JSON.parse(fs.readFileSync(rmFile, 'utf8'));
const sp = spFile === '-' ? { readAt: '', communities: [] } : JSON.parse(fs.readFileSync(spFile, 'utf8'));
const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const baseline = process.memoryUsage().heapUsed;
const times: number[] = [];
const cpu: number[] = [];
let peak = 0;
let operations = 0;
for (let i = 0; i < 7; i++) {
  gc?.();
  const t = performance.now();
  const c = process.cpuUsage();
  const p = plan(rm, sp, config, '2026-11-27');
  const used = process.cpuUsage(c);
  times.push(performance.now() - t);
  cpu.push((used.user + used.system) / 1000);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  operations = p.operations.length;
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(JSON.stringify({ operations, min: times[0], median: times[3], max: times[6], cpuMedian: cpu[3], baseline, peak }));
