import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a trap server saw. */
export interface TrappedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A loopback server standing in for an attacker's host (or a redirecting proxy): it records everything sent to it. */
export interface TrapServer {
  readonly url: string;
  readonly requests: TrappedRequest[];
  /** Everything received (URLs, headers, bodies) as one string, to search for a secret. */
  received(): string;
  close(): Promise<void>;
}

/**
 * Starts a trap on 127.0.0.1. `answer` decides each response (default 401 JSON); the request
 * is recorded before it is answered.
 */
export async function startTrapServer(answer: (req: TrappedRequest, res: http.ServerResponse) => void = (_req, res) => {
  res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"no"}');
}): Promise<TrapServer> {
  const requests: TrappedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const trapped = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(trapped);
      answer(trapped, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    received: () => JSON.stringify(requests),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
