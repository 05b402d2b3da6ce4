/*
 * Reading back what the OS says about the registered task: `systemctl --user show`,
 * `launchctl print` and `schtasks /Query /V /FO LIST`. Liberal in what it accepts: a field
 * missing or in an unexpected form is null (or its raw text), never an error.
 */

/** `Key=Value` lines (systemctl show) as a map; later duplicates win. */
export function parseKeyValues(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq > 0) map.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return map;
}

/**
 * A systemd timestamp as printed by `systemctl show`: `@1764658803` with `--timestamp=unix`,
 * or `Wed 2026-12-02 07:00:03 UTC` without; `n/a`, empty or 0 mean never. A form this cannot
 * read is returned as text, so status still shows it.
 */
export function parseSystemdTimestamp(value: string | undefined): Date | string | null {
  const v = (value ?? '').trim();
  if (v === '' || v === 'n/a' || v === '0' || v === '@0') return null;
  const unix = /^@(\d+)$/.exec(v);
  if (unix) return new Date(Number(unix[1]) * 1000);
  const utc = /^(?:\w{3} )?(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.\d+)? (?:UTC|GMT)$/.exec(v);
  if (utc) return new Date(`${utc[1]}T${utc[2]}Z`);
  return v;
}

/** What `launchctl print gui/<uid>/<label>` tells: state, number of runs, last exit code. */
export function parseLaunchctlPrint(text: string): { state: string | null; runs: number | null; lastExitCode: string | null } {
  const field = (name: string) => new RegExp(`^\\s*${name}\\s*=\\s*(.+?)\\s*$`, 'm').exec(text)?.[1] ?? null;
  const runs = field('runs');
  return { state: field('state'), runs: runs !== null && /^\d+$/.test(runs) ? Number(runs) : null, lastExitCode: field('last exit code') };
}

/** `Label: value` lines of `schtasks /Query /V /FO LIST` (English labels; other locales give nulls). */
export function parseSchtasksList(text: string): { status: string | null; lastRunTime: string | null; nextRunTime: string | null; lastResult: string | null } {
  const field = (label: string) => {
    const value = new RegExp(`^${label}:\\s*(.*?)\\s*$`, 'mi').exec(text)?.[1];
    return value && value !== 'N/A' ? value : null;
  };
  return { status: field('Status'), lastRunTime: field('Last Run Time'), nextRunTime: field('Next Run Time'), lastResult: field('Last Result') };
}
