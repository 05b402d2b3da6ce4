import fs from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The privileges of the app:// scheme (register before `ready`): standard and secure, so CSP 'self' means the app. */
export const APP_SCHEME = {
  scheme: 'app',
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/**
 * Maps an app:// URL to a file inside `rendererDir`; null for anything outside it (path
 * traversal) or another host.
 */
export function resolveAppFile(rawUrl: string, rendererDir: string): { file: string; mime: string } | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'app:' || url.host !== 'sitesync') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null; // a malformed escape (`%E0%A4%A`) is a 404, not a thrown handler
  }
  // A NUL or a backslash never names a file of the renderer (the latter is a separator on Windows).
  if (/[\0\\]/.test(pathname)) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return { file, mime: MIME[path.extname(file)] ?? 'application/octet-stream' };
}

/** Serves the renderer from `rendererDir` on app://sitesync with the CSP header on every response. */
export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle('app', async (request) => {
    let target: ReturnType<typeof resolveAppFile>;
    try {
      target = resolveAppFile(request.url, rendererDir);
    } catch {
      target = null;
    }
    if (!target) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(target.file);
      return new Response(body, {
        headers: { 'content-type': target.mime, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
