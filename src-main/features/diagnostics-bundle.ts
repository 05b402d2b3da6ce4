import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Problem, RunRecord } from '../../src-shared/domain/run';
import type { HeldBackDeletion } from '../../src-shared/domain/sync-plan';
import type { ShapeEntry } from '../logging/response-shapes';
import { PrivacyFilter } from './diagnostics-privacy';

/** How many log lines a report carries by default. */
export const DIAGNOSTICS_LOG_LINES = 500;

/** Versions of what runs: the app, the OS, Node and (in the app) Electron and Chromium. */
export interface RuntimeInfo {
  app: string;
  version: string;
  platform: string;
  arch: string;
  osRelease: string;
  osType: string;
  node: string;
  electron: string | null;
  chrome: string | null;
}

/** The runtime of this process (`appVersion` from the host: Electron's app.getVersion(), package.json for the CLI). */
export function currentRuntime(appVersion: string, host = 'app'): RuntimeInfo {
  return {
    app: `SiteSync ${host}`,
    version: appVersion,
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    osType: os.type(),
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
  };
}

/** A run with what its report shows. */
export interface RunForReport {
  record: RunRecord;
  problems: readonly Problem[];
  heldBack: readonly HeldBackDeletion[];
  /** Why this run: `chosen` (the failed run the report was asked from, or --run) or `latest`. */
  why: 'chosen' | 'latest';
}

/** Everything a report is made of, before redaction. */
export interface DiagnosticsInputs {
  runtime: RuntimeInfo;
  createdAt: Date;
  logLines: readonly string[];
  run: RunForReport | null;
  shapes: readonly ShapeEntry[];
}

/** Where a report went and what it holds. */
export interface SavedReport {
  folder: string;
  files: string[];
}

/** The files of a report, in the order the README lists them. */
export const REPORT_FILES = ['README.md', 'about.json', 'log.jsonl', 'run-report.json', 'response-shapes.json'] as const;

function readme(inputs: DiagnosticsInputs, logCount: number): string {
  const run = inputs.run;
  return `# SiteSync diagnostics report

Made ${inputs.createdAt.toISOString()} by ${inputs.runtime.app} ${inputs.runtime.version}, for SiteSync support.
Every file went through SiteSync's redactor (the one its log uses) and a privacy pass before it
was written: passwords, tokens, PINs, card numbers and RF cards are replaced by \`[redacted]\`;
names, e-mail addresses, phone numbers, addresses and the values problem lines quote by
\`[personal]\` or \`[email]\`. IDs, error codes, counts, dates and field names stay, so support
can find the records in Rent Manager and SmartPlus. Read the files before you send them.

| file | what is inside |
|---|---|
| \`README.md\` | this page |
| \`about.json\` | the app version, the operating system (type, release, architecture), Node and Electron versions, when the report was made and which run it holds |
| \`log.jsonl\` | the last ${logCount} lines of SiteSync's log, oldest first, one JSON object a line (\`t\` time, \`level\`, \`scope\`, \`msg\`, fields) |
| \`run-report.json\` | ${run ? `${run.why === 'chosen' ? 'the run the report was asked for' : 'the latest run'} (${run.record.id}, ${run.record.outcome}): its record, its problems and its held-back deletions` : 'no run: none is in the history yet'} |
| \`response-shapes.json\` | the *shape* of the last answer of each endpoint of the Rent Manager and SmartPlus clients since the app (or the CLI's last sync) started: keys and value types (\`"string"\`, \`"null \\| string"\`), never values. IDs in paths read \`:id\`; a key only some list items carry ends in \`?\`; a field named like a secret shows \`[redacted]\` instead of its type |

The folder and its files can only be read by the user who saved them.
`;
}

/** Makes a new folder `sitesync-diagnostics-<time>` (or `… (2)`) in `parent`, readable by its owner only. */
function newFolder(parent: string, createdAt: Date): string {
  fs.mkdirSync(parent, { recursive: true });
  const stamp = createdAt.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  for (let n = 1; n < 100; n++) {
    const folder = path.join(parent, `sitesync-diagnostics-${stamp}${n === 1 ? '' : `-${n}`}`);
    try {
      fs.mkdirSync(folder, { mode: 0o700 });
      fs.chmodSync(folder, 0o700);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`Too many diagnostics reports in ${parent}.`);
}

/** The report's file contents, every value through the privacy filter (exported for tests). */
export function reportContents(inputs: DiagnosticsInputs): Record<(typeof REPORT_FILES)[number], string> {
  const privacy = new PrivacyFilter();
  if (inputs.run) privacy.keep(inputs.run.record.id, inputs.run.record.siteId);
  // Learn first from everything, so a name known from one file is scrubbed from every file.
  privacy.learnLogLines(inputs.logLines);
  if (inputs.run) privacy.learn({ problems: inputs.run.problems, heldBack: inputs.run.heldBack, record: inputs.run.record });

  const logLines = inputs.logLines.map((line) => privacy.cleanLogLine(line));
  const about = {
    ...inputs.runtime,
    createdAt: inputs.createdAt.toISOString(),
    run: inputs.run ? { id: inputs.run.record.id, outcome: inputs.run.record.outcome, why: inputs.run.why } : null,
    logLines: logLines.length,
    endpoints: inputs.shapes.length,
  };
  const run = inputs.run
    ? { why: inputs.run.why, run: inputs.run.record, problems: inputs.run.problems, heldBack: inputs.run.heldBack }
    : { why: 'none', run: null, problems: [], heldBack: [] };
  return {
    'README.md': readme(inputs, logLines.length),
    'about.json': `${JSON.stringify(privacy.clean(about), null, 2)}\n`,
    'log.jsonl': logLines.length ? `${logLines.join('\n')}\n` : '',
    'run-report.json': `${JSON.stringify(privacy.clean(run), null, 2)}\n`,
    'response-shapes.json': `${JSON.stringify(privacy.cleanShapes(inputs.shapes), null, 2)}\n`,
  };
}

/** Writes a report into a new folder under `parent` (folder 0700, files 0600) and returns where. */
export function writeDiagnosticsReport(parent: string, inputs: DiagnosticsInputs): SavedReport {
  const contents = reportContents(inputs);
  const folder = newFolder(parent, inputs.createdAt);
  for (const name of REPORT_FILES) {
    const file = path.join(folder, name);
    fs.writeFileSync(file, contents[name], { mode: 0o600, flag: 'wx' });
    fs.chmodSync(file, 0o600);
  }
  return { folder, files: [...REPORT_FILES] };
}
