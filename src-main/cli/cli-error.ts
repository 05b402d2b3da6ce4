/**
 * Exit codes of the CLI (issue 5, issue 14): done, failed, bad usage or config (also a missing or
 * locked keychain), deletions held back, and the site is being run by another process.
 */
export const EXIT = { done: 0, failed: 1, usage: 2, heldBack: 3, locked: 4 } as const;

/** A usage or configuration error: printed with its reason, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The CLI's help text. */
export const HELP = `SiteSync command line — the same engine, and the same state, as the desktop app.

Usage: npm run cli -- <command> [options]      (packaged app: SiteSync --cli <command> [options])

State: the app's own folder — its database (sites, runs, journal), its preferences and the
keychain entries it saved for connections. SITESYNC_HOME chooses another folder (scripts, tests,
servers); by default it is the app's user-data folder (~/.config/SiteSync on Linux,
~/Library/Application Support/SiteSync on macOS, %APPDATA%\\SiteSync on Windows).

Commands:
  sites list [--json]
      The sites with customer, property, policy, last run and next run (JSON names each by its id).
  sites add --site-config FILE [--customer ID] [--json]
      Registers one site per property exactly as the app's Get Site wizard does (same checks, same
      PIN / RF card field picks, same import run), then applies the file's time zone, grace days
      and fields. --customer: a customer id, connection id or company code (needed when several).
  sites pause --site ID [--reason TEXT] [--json]
      Pauses a site: scheduled runs, catch-up runs, light syncs and run-due skip it (and say so);
      "sync --site ID" still runs it. The reason is recorded and shown.
  sites resume --site ID [--json]
      Resumes a paused site: it runs on schedule again.
  sync --site ID [--dry-run | --plan-only] [--json]
      Runs a registered site (trigger "cli"), recorded in the app's history. --plan-only plans,
      writes nothing, and leaves the changes waiting for "approve" (exit 3 while they wait).
  sync --site-config FILE [--dry-run | --plan-only] [--json] [--as-of YYYY-MM-DD] [--allow-mass-delete]
      Ad hoc: plans one site configuration (and applies the plan unless --dry-run) with the
      credentials from the environment, and prints the report. --plan-only records the plan as a
      run that waits for "approve" and writes nothing (exit 3 while it waits).
  approve --run RUN [--site-config FILE] [--json] [--as-of YYYY-MM-DD]
      Applies what a run waits with (plan-only, ask-first, or held back): re-plans and applies what
      is still valid. A registered site's run needs no --site-config (the app's own Approve).
  run-due [--json] [--trigger cli|os-schedule]
      Runs every site whose scheduled slot has passed since its last run (a site that never ran is
      due), and any light-sync check that is due, each once, then exits. Nothing due: exit 0.
  runs [--json]
      The run history, newest first (JSON gives each run's siteId and trigger).
  runs show RUN [--json]
      One run with every change it made (who, what, old → new, why; PINs masked).
  undo --run RUN [--dry-run] [--json] [--allow-mass-delete]
      Plans the inverse of a run against SmartPlus as it is now and applies it (unless --dry-run) as
      a run of its own; what changed since the run is left and listed. Undo an undo to redo.
  diagnostics [--out DIR] [--run RUN] [--json]
      Saves a diagnostics report for support in a new folder under DIR (default: here): versions,
      the last 500 log lines, the report of run RUN (default: the latest run) and the shapes of the
      last sync's API answers — redacted, no passwords, tokens, PINs, cards, names or e-mails.
  schedule install | remove | status [--json]
      Registers (install) or deletes (remove) the OS task that runs "run-due" at the schedule's
      times and once after sign-in even when SiteSync is closed: a systemd user timer on Linux,
      a launchd agent on macOS, a Task Scheduler task on Windows. status shows what is registered
      and when it last ran.
  sandbox [--seed demo|bench|<units>] [--rm-port N] [--sp-port N] [--state FILE] [--as-of YYYY-MM-DD] [--paid] [--shape tidy|field] [--json]
      Starts the local Rent Manager and SmartPlus stand-ins on 127.0.0.1 and prints their URLs and
      credentials (with --json: one line once ready). --paid activates the Integration service.
      --shape field (or SITESYNC_SANDBOX_SHAPE=field) answers in the other legal shapes real servers
      send: nulls left out, unknown fields, other key order, string numbers, lower-case enums.
      Runs until interrupted (Ctrl+C).

Credentials: the keychain entries the app saved (a missing or locked keychain: exit 2). The
environment overrides them (servers, CI) — then the connection it names is registered for sites:
  SITESYNC_RM_URL, SITESYNC_RM_CORP, SITESYNC_RM_LOCATION,
  SITESYNC_RM_USERNAME + SITESYNC_RM_PASSWORD, or SITESYNC_RM_PARTNER_TOKEN,
  SITESYNC_SP_URL, SITESYNC_SP_USERNAME, SITESYNC_SP_PASSWORD,
  SITESYNC_HTTP_TIMEOUT_MS (per-request timeout of sync --site-config; default 30 s Rent Manager, 15 s SmartPlus)

Site config (JSON):
  { "properties": [1], "creation": "move-in"|"lease-start", "deletion": "move-out"|"lease-end",
    "sameAccessAsMaster": false, "apartments": "all" | { "custom": [unitIds] },
    "timeZone": "America/New_York", "graceDays": 0, "pinField": "Door PIN", "rfCardField": "RF Card" }

Exit codes: 0 done (problems may exist), 1 failed or partial (something planned was not done),
2 bad usage or config (also a missing or locked keychain), 3 held back, 4 the site is being run
by another process (the message says which).
`;
