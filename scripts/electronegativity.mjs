// Runs Doyensec's Electronegativity over the app's sources, offline, and fails on any finding
// above informational that security/electronegativity-allowlist.json does not explain.
// Its CLI resolves a newer `commander` than it was written for (and loses its options), so this
// calls its runner directly; `got` is made to fail at once (scripts/offline-got.cjs), and the
// release-list check, which needs the network, is excluded (toolchain.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
require('./offline-got.cjs');
const ELECTRON_VERSION = require('electron/package.json').version;
const runner = require('@doyensec/electronegativity/dist/runner.js');
const run = runner.default ?? runner;

const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesync-eneg-'));
for (const part of ['src-main', 'src-renderer', 'src-shared', 'package.json', 'forge.config.ts']) {
  fs.cpSync(path.join(root, part), path.join(scanDir, part), { recursive: true });
}
fs.cpSync(path.join(root, '.vite/renderer/main_window/index.html'), path.join(scanDir, 'built-index.html'));

const output = path.join(root, 'test-results', 'electronegativity.csv');
fs.mkdirSync(path.dirname(output), { recursive: true });
const silence = console.log;
console.log = () => {};
let result;
try {
  result = await run(
    {
      input: scanDir,
      output,
      isSarif: false,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: ELECTRON_VERSION,
      parserPlugins: [],
    },
    false,
  );
} finally {
  console.log = silence;
  fs.rmSync(scanDir, { recursive: true, force: true });
}

const allow = JSON.parse(fs.readFileSync(path.join(root, 'security/electronegativity-allowlist.json'), 'utf8'));
const rows = result.issues.map((i) => ({
  id: i.id,
  severity: i.severity.name ?? String(i.severity.value),
  level: i.severity.value,
  confidence: i.confidence.name ?? String(i.confidence.value),
  file: i.file,
  line: i.location?.line ?? 0,
  description: i.description,
}));
const explained = (r) => allow.find((a) => a.id === r.id && (!a.file || a.file === r.file));
const blocking = rows.filter((r) => r.level > 0 && !explained(r));

console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version}: Electron ${ELECTRON_VERSION}, ${result.globalChecks} global + ${result.atomicChecks} atomic checks, ${rows.length} findings (CSV: ${path.relative(root, output)})`);
for (const r of rows) {
  const note = explained(r);
  const state = r.level === 0 ? 'info    ' : note ? 'allowed ' : 'BLOCKING';
  console.log(`  ${state} ${r.id} ${r.severity}/${r.confidence} ${r.file}:${r.line} (${r.description})${note ? `\n           why allowed: ${note.why}` : ''}`);
}
for (const e of result.errors) console.log(`  parse ${e.tolerable ? 'warning' : 'error'}: ${e.file}: ${e.message}`);
if (blocking.length > 0) {
  console.error(`electronegativity: ${blocking.length} finding(s) above informational are not explained in security/electronegativity-allowlist.json`);
  process.exit(1);
}
console.log('electronegativity: no unexplained finding above informational');
