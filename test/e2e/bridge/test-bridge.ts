import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch, type HandlerMap } from '../../../src-main/ipc/dispatch';
import type { EventBus } from '../../../src-main/services/event-bus';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/app/csp';

/**
 * The loopback test bridge (tests only): serves the built renderer and the same transport-free
 * handler map the Electron binding serves — calls over HTTP POST, events over server-sent events —
 * on 127.0.0.1 with a random token. Only the transport differs from the app.
 */
export interface TestBridge {
  url: string;
  token: string;
  /** A script for `page.addInitScript` that defines `window.bridge` over this bridge. */
  initScript: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.json': 'application/json',
};

/** Starts a bridge serving `rendererDir` and `handlers`/`events`. */
export async function startTestBridge(options: {
  rendererDir: string;
  handlers: HandlerMap;
  events: EventBus;
  /**
   * For `npm run preview` (a plain browser, no Playwright): `index.html?token=…` gets a
   * `<script src>` that defines `window.bridge`, so the page works without an init script.
   */
  servePageScript?: boolean;
}): Promise<TestBridge> {
  const token = randomBytes(24).toString('hex');
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__bridge/invoke' && req.method === 'POST') {
      if (req.headers['x-bridge-token'] !== token) return void res.writeHead(403).end();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: { channel?: unknown; input?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          return void res.writeHead(400).end();
        }
        void dispatch(options.handlers, body.channel, body.input).then((envelope) => {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(envelope));
        });
      });
      return;
    }
    if (url.pathname === '/__bridge/events') {
      if (url.searchParams.get('token') !== token) return void res.writeHead(403).end();
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (options.servePageScript && url.pathname === '/__bridge/page.js') {
      if (url.searchParams.get('token') !== token) return void res.writeHead(403).end();
      res.writeHead(200, { 'content-type': MIME['.js']!, 'cache-control': 'no-store' }).end(bridgeInitScript(token));
      return;
    }
    if (options.servePageScript && (url.pathname === '/' || url.pathname === '/index.html')) {
      if (url.searchParams.get('token') !== token) return void res.writeHead(403).end('Open the address printed by "npm run preview" (it carries the token).');
      return servePreviewIndex(options.rendererDir, token, res);
    }
    serveStatic(options.rendererDir, url.pathname, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/index.html`,
    token,
    initScript: bridgeInitScript(token),
    async close() {
      unsubscribe();
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
} as const;

/** index.html with the bridge's page script first in <head> (same origin, so the CSP allows it). */
function servePreviewIndex(dir: string, token: string, res: http.ServerResponse): void {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const tag = `<script src="/__bridge/page.js?token=${token}"></script>`;
  res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store', ...SECURITY_HEADERS }).end(html.replace('<head>', `<head>${tag}`));
}

function serveStatic(dir: string, pathname: string, res: http.ServerResponse): void {
  const file = path.normalize(path.join(dir, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
  if (!file.startsWith(path.normalize(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', ...SECURITY_HEADERS });
  fs.createReadStream(file).pipe(res);
}

/** The page-side half: the same two-function `window.bridge` the preload exposes, over fetch and EventSource. */
function bridgeInitScript(token: string): string {
  return `(() => {
  const token = ${JSON.stringify(token)};
  const listeners = new Map();
  let source = null;
  const ensureSource = () => {
    if (source) return;
    source = new EventSource('/__bridge/events?token=' + token);
    source.onmessage = (m) => {
      const { event, payload } = JSON.parse(m.data);
      for (const fn of listeners.get(event) ?? []) fn(payload);
    };
  };
  window.bridge = Object.freeze({
    invoke: async (channel, input) => {
      const res = await fetch('/__bridge/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bridge-token': token },
        body: JSON.stringify({ channel, input }),
      });
      return res.json();
    },
    on: (event, fn) => {
      ensureSource();
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(fn);
      return () => listeners.get(event)?.delete(fn);
    },
  });
})();`;
}
