import { z } from 'zod';

// The WHATWG URL parser exists wherever SiteSync runs (Node, Chromium); src-shared compiles
// without DOM or Node types, so the part used here is declared.
declare const URL: new (input: string) => { protocol: string; hostname: string; username: string; password: string };

/** The longest service address accepted (a real one is well under 200 characters). */
export const MAX_SERVICE_URL_LENGTH = 2048;

/**
 * True for the hostnames of this computer, as the URL parser normalises them: `localhost`,
 * 127.0.0.0/8 (also written `127.1` or in hex, which the parser turns into dotted decimal) and
 * `[::1]`. Anything else — `127.0.0.1.evil.example`, `localhost.evil.example` — is a network host.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}

/**
 * Why `raw` may not be a Rent Manager or SmartPlus address, or null when it may: https to any
 * host, plain http only to this computer (the sandbox, a local proxy) — decided on the parsed
 * URL's hostname, so `http://evil.example\@127.0.0.1/` (which goes to evil.example) is refused.
 * An address with a user name or password in it is refused too: it would carry a secret into
 * logs and screens.
 */
export function serviceUrlProblem(raw: string): string | null {
  if (raw.length > MAX_SERVICE_URL_LENGTH) return `an address is at most ${MAX_SERVICE_URL_LENGTH} characters`;
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid address (it starts with https://)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'use an https:// address';
  if (url.username !== '' || url.password !== '') return 'an address must not contain a user name or password (enter those in their own fields)';
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) return 'use an https:// address (plain http is allowed only to this computer)';
  return null;
}

/** True when {@link serviceUrlProblem} has nothing against `raw`. */
export function isServiceUrlAllowed(raw: string): boolean {
  return serviceUrlProblem(raw) === null;
}

/** A Rent Manager or SmartPlus address at a boundary (IPC, CLI environment, settings): see {@link serviceUrlProblem}. */
export const ServiceUrlSchema = z.string().max(MAX_SERVICE_URL_LENGTH).superRefine((raw, ctx) => {
  const problem = serviceUrlProblem(raw);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
