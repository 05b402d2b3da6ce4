/** Exit codes of the CLI (issue 5): done, failed, bad usage or config, deletions held back. */
export const EXIT = { done: 0, failed: 1, usage: 2, heldBack: 3 } as const;

/** A usage or configuration error: printed with its reason, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The CLI's help text. */
export const HELP = `SiteSync command line — the same engine as the desktop app.

Usage: npm run cli -- <command> [options]

Commands:
  sandbox [--seed demo|bench|<units>] [--rm-port N] [--sp-port N] [--state FILE] [--as-of YYYY-MM-DD] [--paid] [--json]
      Starts the local Rent Manager and SmartPlus stand-ins on 127.0.0.1 and prints their URLs and
      credentials (with --json: one line once ready). --paid activates the Integration service.
      Runs until interrupted (Ctrl+C).
  sync --site-config FILE [--dry-run | --plan-only] [--json] [--as-of YYYY-MM-DD] [--allow-mass-delete]
      Plans one site (and applies the plan unless --dry-run) and prints the report. --plan-only
      records the plan as a run that waits for "approve" and writes nothing (exit 3 when it waits).
  approve --run RUN --site-config FILE [--json] [--as-of YYYY-MM-DD]
      Applies what a run waits with (plan-only, or held back): re-plans and applies what is still valid.
  runs [--json]
      Prints the run history kept under SITESYNC_HOME.
  runs show RUN [--json]
      Prints one run with every change it made (who, what, old → new, why; PINs masked).
  undo --run RUN [--dry-run] [--json] [--allow-mass-delete]
      Plans the inverse of a run against SmartPlus as it is now and applies it (unless --dry-run) as
      a run of its own; what changed since the run is left and listed. Undo an undo to redo.

Credentials (environment):
  SITESYNC_RM_URL, SITESYNC_RM_CORP, SITESYNC_RM_LOCATION,
  SITESYNC_RM_USERNAME + SITESYNC_RM_PASSWORD, or SITESYNC_RM_PARTNER_TOKEN,
  SITESYNC_SP_URL, SITESYNC_SP_USERNAME, SITESYNC_SP_PASSWORD,
  SITESYNC_HOME (journal and run history; default ./.sitesync-home)
  SITESYNC_HTTP_TIMEOUT_MS (per-request timeout; default 30 s Rent Manager, 15 s SmartPlus)

Site config (JSON):
  { "properties": [1], "creation": "move-in"|"lease-start", "deletion": "move-out"|"lease-end",
    "sameAccessAsMaster": false, "apartments": "all" | { "custom": [unitIds] },
    "timeZone": "America/New_York", "graceDays": 0, "pinField": "Door PIN", "rfCardField": "RF Card" }

Exit codes: 0 done (problems may exist), 1 failed or partial (something planned was not done), 2 bad usage or config, 3 held back.
`;
