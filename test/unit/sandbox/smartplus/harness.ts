import { startSmartPlusSandbox, type SmartPlusSandbox, type SmartPlusSandboxOptions } from '../../../../src-main/sandbox/smartplus';

/** A raw HTTP answer: what the contract tests assert on (no client in between). */
export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

/** A sandbox plus a signed-in raw caller and a settable clock. */
export interface Harness {
  sandbox: SmartPlusSandbox;
  token: string;
  clock: { ms: number; advance(ms: number): void };
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  raw(method: string, path: string, init?: { body?: unknown; headers?: Record<string, string> }): Promise<Answer>;
  signIn(): Promise<string>;
  close(): Promise<void>;
}

/** A PMS externalRef for tests. */
export function ref(id: string, customer = 'acme', location = 1) {
  return { system: 'rentmanager' as const, customer, location, id };
}

/** Starts a sandbox with a controllable clock and signs in with fetch. */
export async function startHarness(options: SmartPlusSandboxOptions = {}): Promise<Harness> {
  const clock = {
    ms: Date.now(),
    advance(ms: number) {
      this.ms += ms;
    },
  };
  const sandbox = await startSmartPlusSandbox({ now: () => new Date(clock.ms), ...options });
  const root = sandbox.url.replace(/\/api\/v1$/, '');
  const raw: Harness['raw'] = async (method, path, init = {}) => {
    const res = await fetch(root + path, {
      method,
      headers: { ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const signIn = async () => {
    const answer = await raw('POST', '/api/v1/auth/token', { body: { username: sandbox.username, password: sandbox.password } });
    return answer.body.accessToken as string;
  };
  const harness: Harness = {
    sandbox,
    token: await signIn(),
    clock,
    raw,
    signIn,
    call: (method, path, body, headers = {}) => raw(method, `/api/v1${path}`, { body, headers: { Authorization: `Bearer ${harness.token}`, ...headers } }),
    close: () => sandbox.close(),
  };
  return harness;
}

/** Pays for the integration with the good test card (through HTTP, as the contract describes). */
export async function payIntegration(h: Harness, renewal: 'auto' | 'manual' = 'manual', months = 1): Promise<Answer> {
  const pm = await h.call('POST', '/billing/payment-methods', { card: { number: '4242 4242 4242 4242', expMonth: 12, expYear: new Date(h.clock.ms).getUTCFullYear() + 2, cvc: '123', holder: 'Pat Installer' } });
  return h.call('POST', '/billing/orders', {
    services: [{ service: 'integration', renewal, months }],
    billing: { company: 'Acme Doors', contact: 'Pat', email: 'pat@example.com', address: '1 Main St', country: 'US' },
    paymentMethodId: pm.body.id,
  });
}

/** Creates a PMS-linked community (integration must be paid) and returns it with its Building 1. */
export async function linkedCommunity(h: Harness, id = 'property:1') {
  const community = await h.call('POST', '/communities', { name: `Community ${id}`, timeZone: 'America/New_York', externalRef: ref(id) });
  const buildings = await h.call('GET', `/communities/${community.body.id}/buildings`);
  return { community: community.body, building: buildings.body[0] };
}
