import { z } from 'zod';

/** What the shell shows in its status bar and About box. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  sandbox: z.boolean(),
  online: z.boolean(),
  lastSyncAt: z.string().nullable(),
  theme: z.enum(['system', 'light', 'dark']),
});
/** See {@link AppInfoSchema}. */
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** A log entry forwarded from the renderer (rate-limited in main; redacted by the logger). */
export const RendererLogSchema = z.object({
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string().max(2000),
  fields: z.record(z.string(), z.unknown()).optional(),
});

/** Every screen the renderer can show: the sidebar's seven, plus the Get Site from PMS wizard (under Sites). */
export const ROUTE_SCREENS = ['overview', 'sites', 'subscription', 'devices', 'runs', 'settings', 'connections', 'get-site', 'changes'] as const;

/** Where the renderer should go (menu items, notification clicks, links between screens). */
export const NavigationSchema = z.object({
  screen: z.enum(ROUTE_SCREENS),
  siteId: z.string().optional(),
  runId: z.string().optional(),
  apartmentId: z.string().optional(),
});
/** See {@link NavigationSchema}. */
export type Navigation = z.infer<typeof NavigationSchema>;

/** Call schemas of the `app.*` channels. */
export const appCalls = {
  'app.getInfo': { input: z.undefined(), output: AppInfoSchema },
  'app.setTheme': { input: z.object({ theme: z.enum(['system', 'light', 'dark']) }), output: z.undefined() },
  'app.log': { input: RendererLogSchema, output: z.undefined() },
  'app.ping': {
    input: z.object({ message: z.string().max(200) }),
    output: z.object({ echo: z.string(), at: z.string() }),
  },
} as const;

/** Event schemas of the `app.*` events. */
export const appEvents = {
  'app.onlineChanged': z.object({ online: z.boolean(), since: z.string() }),
  'app.navigated': NavigationSchema,
  'app.pinged': z.object({ message: z.string() }),
  /** A menu command the renderer carries out, because only it knows the current site (Ctrl/Cmd+R). */
  'app.commandIssued': z.object({ command: z.enum(['resync-current-site']) }),
} as const;
