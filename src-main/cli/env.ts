import { z } from 'zod';
import { RmCompanyCodeSchema, type RmAuth } from '../../src-shared/domain/rentmanager-connection';
import { ServiceUrlSchema } from '../../src-shared/rules/service-url';
import { UsageError } from './cli-error';

/** Where the CLI signs in, read from SITESYNC_* environment variables (issue 5). */
export interface CliCredentials {
  rentManager: { baseUrl: string; corp: string; locationId: number; auth: RmAuth; timeoutMs?: number };
  smartPlus: { baseUrl: string; username: string; password: string; timeoutMs?: number };
}

const EnvSchema = z.object({
  SITESYNC_RM_URL: ServiceUrlSchema.optional(),
  SITESYNC_RM_CORP: RmCompanyCodeSchema,
  SITESYNC_RM_LOCATION: z.coerce.number().int().positive().default(1),
  SITESYNC_RM_USERNAME: z.string().min(1).optional(),
  SITESYNC_RM_PASSWORD: z.string().min(1).optional(),
  SITESYNC_RM_PARTNER_TOKEN: z.string().min(1).optional(),
  SITESYNC_SP_URL: ServiceUrlSchema,
  SITESYNC_SP_USERNAME: z.string().min(1),
  SITESYNC_SP_PASSWORD: z.string().min(1),
  /** Per-request timeout for both services (slow links; tests with injected hangs). */
  SITESYNC_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
});

/** Reads and checks the credentials; a missing or malformed variable is a usage error naming it. */
export function readCredentials(env: NodeJS.ProcessEnv): CliCredentials {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    // A refused address says why (plain http off this computer, user info in the URL).
    const why = parsed.error.issues.filter((i) => i.code === 'custom').map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new UsageError(`Set ${names.join(', ')} (see "npm run cli -- --help").${why.length ? ` ${why.join('; ')}.` : ''}`);
  }
  const e = parsed.data;
  let auth: RmAuth;
  if (e.SITESYNC_RM_PARTNER_TOKEN) auth = { kind: 'partner', partnerToken: e.SITESYNC_RM_PARTNER_TOKEN };
  else if (e.SITESYNC_RM_USERNAME && e.SITESYNC_RM_PASSWORD) auth = { kind: 'user', username: e.SITESYNC_RM_USERNAME, password: e.SITESYNC_RM_PASSWORD };
  else throw new UsageError('Set SITESYNC_RM_USERNAME and SITESYNC_RM_PASSWORD, or SITESYNC_RM_PARTNER_TOKEN.');
  return {
    rentManager: {
      baseUrl: e.SITESYNC_RM_URL ?? `https://${e.SITESYNC_RM_CORP}.api.rentmanager.com`,
      corp: e.SITESYNC_RM_CORP,
      locationId: e.SITESYNC_RM_LOCATION,
      auth,
      ...(e.SITESYNC_HTTP_TIMEOUT_MS ? { timeoutMs: e.SITESYNC_HTTP_TIMEOUT_MS } : {}),
    },
    smartPlus: {
      baseUrl: e.SITESYNC_SP_URL,
      username: e.SITESYNC_SP_USERNAME,
      password: e.SITESYNC_SP_PASSWORD,
      ...(e.SITESYNC_HTTP_TIMEOUT_MS ? { timeoutMs: e.SITESYNC_HTTP_TIMEOUT_MS } : {}),
    },
  };
}
