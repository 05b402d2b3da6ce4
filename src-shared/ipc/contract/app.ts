import { z } from 'zod';
import { BOUNDS, IdSchema } from './bounds';

/** What the shell shows in its status bar and About box. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  sandbox: z.boolean(),
  /**
   * Every connection is the built-in sandbox's (issue 16): only then does the status bar say
   * "Sandbox"; once a real account is added the label goes to each sandbox account and site.
   * Absent ≡ `sandbox`.
   */
  sandboxOnly: z.boolean().optional(),
  online: z.boolean(),
  lastSyncAt: z.string().nullable(),
  theme: z.enum(['system', 'light', 'dark']),
});
/** See {@link AppInfoSchema}. */
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** A log entry forwarded from the renderer (rate-limited in main; redacted by the logger). */
export const RendererLogSchema = z.object({
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string().max(BOUNDS.text),
  /** Flat and small: at most {@link BOUNDS.logFields} fields of text, numbers, booleans or null. */
  fields: z
    .record(z.string().max(100), z.union([z.string().max(BOUNDS.text), z.number(), z.boolean(), z.null()]))
    .refine((f) => Object.keys(f).length <= BOUNDS.logFields, `at most ${BOUNDS.logFields} fields`)
    .optional(),
});

/**
 * Something that went wrong at start and that the app recovered from, shown in the shell as a
 * banner with the next step: a damaged database or preferences file that was kept aside and
 * replaced, or a locked keychain that SiteSync keeps retrying (issue 12, "startup never dies silently").
 */
export const StartupNoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(['database-replaced', 'preferences-replaced', 'keychain-locked']),
  title: z.string(),
  message: z.string(),
  nextStep: z.string(),
  /** Where the damaged file was kept (nothing is deleted), when one was. */
  keptFile: z.string().nullable(),
  at: z.string(),
  /** False for a state that ends by itself (the keychain unlocked), true for news the user may close. */
  dismissible: z.boolean(),
});
/** See {@link StartupNoticeSchema}. */
export type StartupNotice = z.infer<typeof StartupNoticeSchema>;

/** The notices the shell shows, newest last. */
export const StartupNoticesSchema = z.object({ notices: z.array(StartupNoticeSchema) });

/** Every screen the renderer can show: the sidebar's seven, plus the Get Site from PMS wizard (under Sites). */
export const ROUTE_SCREENS = ['overview', 'apartments', 'billing', 'devices', 'runs', 'settings', 'connections', 'get-site', 'changes'] as const;

/** Where the renderer should go (menu items, notification clicks, links between screens). */
export const NavigationSchema = z.object({
  screen: z.enum(ROUTE_SCREENS),
  siteId: z.string().optional(),
  runId: z.string().optional(),
  apartmentId: z.string().optional(),
});
/** See {@link NavigationSchema}. */
export type Navigation = z.infer<typeof NavigationSchema>;

/** In the sandbox only: the test cards and the device MACs its SmartPlus stand-in knows, shown where they are needed (null for a real account). */
export const SandboxHintsSchema = z
  .object({
    cards: z.array(z.object({ number: z.string(), outcome: z.string() })),
    macs: z.array(z.string()),
  })
  .nullable();
/** See {@link SandboxHintsSchema}. */
export type SandboxHints = z.infer<typeof SandboxHintsSchema>;

/** Call schemas of the `app.*` channels. */
export const appCalls = {
  'app.getInfo': { input: z.undefined(), output: AppInfoSchema },
  'app.setTheme': { input: z.object({ theme: z.enum(['system', 'light', 'dark']) }), output: z.undefined() },
  'app.log': { input: RendererLogSchema, output: z.undefined() },
  'app.ping': {
    input: z.object({ message: z.string().max(200) }),
    output: z.object({ echo: z.string(), at: z.string() }),
  },
  'app.getStartupNotices': { input: z.undefined(), output: StartupNoticesSchema },
  'app.dismissStartupNotice': { input: z.object({ id: z.string().max(100) }), output: StartupNoticesSchema },
  /** Tries the keychain again now (the banner's button); SiteSync also retries by itself. */
  'app.retryKeychain': { input: z.undefined(), output: StartupNoticesSchema.extend({ unlocked: z.boolean() }) },
  /** The sandbox's test cards and registered MACs; null unless the sandbox is in use (with `siteId`: unless that site uses the sandbox's SmartPlus account). */
  'app.getSandboxHints': { input: z.object({ siteId: IdSchema.optional() }).optional(), output: SandboxHintsSchema },
} as const;

/** Event schemas of the `app.*` events. */
export const appEvents = {
  'app.onlineChanged': z.object({ online: z.boolean(), since: z.string() }),
  'app.navigated': NavigationSchema,
  'app.pinged': z.object({ message: z.string() }),
  /** A menu command the renderer carries out, because only it knows the current site (Ctrl/Cmd+R). */
  'app.commandIssued': z.object({ command: z.enum(['resync-current-site']) }),
  /** The startup notices changed (the keychain unlocked, a notice was dismissed). */
  'app.startupNoticesChanged': StartupNoticesSchema,
} as const;
