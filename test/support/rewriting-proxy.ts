import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Rewrites one JSON answer body on its way back (method, path without the base, parsed body). */
export type Rewrite = (method: string, path: string, body: unknown) => unknown;

/** A running proxy: point a client at `url` instead of the target. */
export interface RewritingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a sandbox that passes every request through and rewrites the
 * JSON answers: a test stands in for a real server that answers in a shape the sandbox does not
 * (issue 13), while the client still talks HTTP to real data.
 */
export async function startRewritingProxy(targetBase: string, rewrite: Rewrite): Promise<RewritingProxy> {
  const target = new URL(targetBase);
  const server = http.createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = new URL(req.url ?? '/', target);
      url.pathname = `${target.pathname.replace(/\/$/, '')}${req.url?.split('?')[0] ?? ''}`;
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>;
      const upstream = await fetch(url, { method: req.method ?? 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
      const text = await upstream.text();
      let out = text;
      if (text !== '' && (upstream.headers.get('content-type') ?? '').includes('json')) {
        out = JSON.stringify(rewrite(req.method ?? 'GET', req.url?.split('?')[0] ?? '', JSON.parse(text)));
      }
      const passHeaders: Record<string, string> = {};
      upstream.headers.forEach((value, key) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(key)) passHeaders[key] = value;
      });
      res.writeHead(upstream.status, passHeaders).end(out);
    })().catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Drops every key whose value is null, deep (what many JSON APIs do, and the contracts allow). */
export function withoutNulls(value: unknown, only?: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v, only));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => !(v === null && (!only || only.has(k))))
      .map(([k, v]) => [k, withoutNulls(v, only)]),
  );
}
