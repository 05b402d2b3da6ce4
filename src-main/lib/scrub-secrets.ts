/**
 * A copy of `value` (a server's answer) with every occurrence of the given secrets replaced by
 * "[redacted]". Both clients pass their error bodies through it before an error is built: a
 * server that echoes the request ("invalid password 'hunter2'") must not put the password into
 * an error message, the log or an IPC answer. Secrets shorter than 4 characters are not looked for.
 */
export function scrubSecrets<T>(value: T, secrets: readonly (string | null | undefined)[]): T {
  const wanted = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  if (wanted.length === 0) return value;
  const scrub = (v: unknown): unknown => {
    if (typeof v === 'string') return wanted.reduce((text, secret) => text.split(secret).join('[redacted]'), v);
    if (Array.isArray(v)) return v.map(scrub);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, scrub(inner)]));
    return v;
  };
  return scrub(value) as T;
}
