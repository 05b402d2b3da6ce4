// Prints the counts of every test run of `npm test` (from the JSON reporters), and the closing
// line "N passed, N failed, N skipped". A skipped test is counted as skipped, never as passed.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..', 'reports');
const rows = [];
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
  if (!file.endsWith('.json')) continue;
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const name = file.replace(/\.json$/, '');
  if (file.startsWith('vitest-')) {
    rows.push({ name, passed: data.numPassedTests, failed: data.numFailedTests, skipped: data.numPendingTests + data.numTodoTests });
  } else if (file.startsWith('playwright-')) {
    const s = data.stats;
    rows.push({ name, passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped });
  }
}
const total = rows.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
for (const r of rows) {
  const note = r.name === 'playwright-electron' && r.skipped > 0 && r.passed === 0 ? '  (skipped: no Electron binary)' : '';
  console.log(`${r.name.padEnd(22)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed ${String(r.skipped).padStart(4)} skipped${note}`);
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
