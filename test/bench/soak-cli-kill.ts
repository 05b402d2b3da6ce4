// Soak: 20 trials of "SIGKILL the CLI at a random point of an import, then rerun" against both
// sandboxes (issue 5). Each trial must end in exactly the clean import's SmartPlus state with no
// duplicate. Prints a table; exits 1 on any mismatch.
//   npx tsx test/bench/soak-cli-kill.ts [--trials 20] [--seed N] [--property 4]
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { prng, runCli, siteConfigFile, smartPlusState, startCliWorld } from '../support/cli-harness';

const { values } = parseArgs({ options: { trials: { type: 'string' }, seed: { type: 'string' }, property: { type: 'string' } } });
const trials = Number(values.trials ?? 20);
const seed = Number(values.seed ?? Date.now() % 1_000_000);
const property = Number(values.property ?? 4);
const random = prng(seed);

const world = await startCliWorld();
const site = siteConfigFile({ properties: [property], pinField: 'Door PIN', rfCardField: 'RF Card' });
const started = Date.now();
const first = await runCli(['sync', '--site-config', site, '--json'], world.env());
if (first.code !== 0) throw new Error(`clean import failed: ${first.stderr}`);
const clean = await smartPlusState(world, property);
const cleanMs = Date.now() - started;

const rows: string[][] = [];
let failures = 0;
for (let trial = 1; trial <= trials; trial++) {
  world.resetSmartPlus();
  const env = world.env();
  const killAfterMs = 300 + Math.floor(random() * Math.max(1000, cleanMs));
  const killed = await runCli(['sync', '--site-config', site, '--json'], env, { killAfterMs });
  const before = await smartPlusState(world, property);
  let reruns = 0;
  let code: number | null = null;
  while (reruns < 5 && code !== 0) {
    reruns += 1;
    code = (await runCli(['sync', '--site-config', site, '--json'], env)).code;
  }
  const after = await smartPlusState(world, property);
  const ok = code === 0 && after.duplicates.length === 0 && isDeepStrictEqual(after, clean);
  if (!ok) failures += 1;
  rows.push([
    String(trial),
    String(killAfterMs),
    killed.signal ?? `exit ${killed.code}`,
    `${before.apartments.length}/${clean.apartments.length}`,
    `${before.residents.length}/${clean.residents.length}`,
    String(reruns),
    String(after.duplicates.length),
    ok ? 'same as clean' : 'MISMATCH',
  ]);
}
await world.close();

console.log(`\n### CLI kill-and-rerun soak — property ${property}, ${trials} trials, seed ${seed}\n`);
console.log('| trial | killed after (ms) | how it ended | apartments at kill | residents at kill | reruns | duplicates | end state |');
console.log('|---:|---:|---|---:|---:|---:|---:|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nclean import: ${clean.apartments.length} apartments, ${clean.residents.length} residents in ${cleanMs} ms; ${trials - failures}/${trials} trials converged.`);
process.exitCode = failures === 0 ? 0 : 1;
