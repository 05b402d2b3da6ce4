import { type CallOutput, CALLS, type Envelope, type ParsedInput } from '../../src-shared/ipc/contract';
import { type InvokeChannel, isInvokeChannel } from '../../src-shared/ipc/channels';
import { AppError, toErrorShape } from '../../src-shared/errors';
import { payloadTooLarge } from '../../src-shared/ipc/contract/bounds';
import type { Logger } from '../logging/logger';

/** Who is calling, as the transport knows it (never from the payload): the Electron binding names the window. */
export interface CallContext {
  /** A stable key of the calling window (`webcontents:<id>`); absent over transports with one caller. */
  sender?: string;
}

/** A transport-free handler of one channel: parsed input in, plain output out. */
export type Handler<C extends InvokeChannel> = (input: ParsedInput<C>, call: CallContext) => Promise<CallOutput<C>>;

/** The handler map: one function per channel, no transport (style.md "transport-free handlers"). */
export type HandlerMap = { [C in InvokeChannel]: Handler<C> };

/**
 * Runs one call through the contract: refuses unknown channels, parses input (BAD_INPUT with
 * the zod issues), calls the handler, validates the output (a handler bug becomes INTERNAL, logged),
 * and turns anything thrown into an error envelope. Both the Electron binding and the test
 * bridge call this, so the contract is enforced the same way over either transport.
 */
export async function dispatch(handlers: HandlerMap, channel: unknown, rawInput: unknown, log?: Logger, call: CallContext = {}): Promise<Envelope> {
  if (!isInvokeChannel(channel)) {
    return { ok: false, error: { code: 'BAD_INPUT', message: `Unknown channel: ${String(channel)}`, retryable: false } };
  }
  // Size first: a payload the schemas would refuse anyway is not walked field by field (issue 12).
  const tooLarge = payloadTooLarge(rawInput);
  if (tooLarge) {
    return { ok: false, error: { code: 'BAD_INPUT', message: `Invalid input for ${channel}: the request is too large (${tooLarge}).`, retryable: false } };
  }
  const schema = CALLS[channel];
  const parsed = schema.input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues, []);
    return {
      ok: false,
      error: { code: 'BAD_INPUT', message: `Invalid input for ${channel}: ${issues.join('; ')}`, retryable: false, details: { issues } },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown, call: CallContext) => Promise<unknown>;
    const value = await handler(parsed.data, call);
    const checked = schema.output.safeParse(value);
    if (!checked.success) {
      log?.error('handler returned a value outside the contract', { channel, issues: checked.error.issues.slice(0, 5) });
      throw new AppError('INTERNAL', `The app returned an unexpected answer for ${channel}.`);
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    const shape = toErrorShape(error);
    if (shape.code === 'INTERNAL') log?.error('handler failed', { channel, error });
    return { ok: false, error: shape };
  }
}

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly errors?: readonly (readonly Issue[])[];
}

/**
 * Zod issues as `path: message` lines. A union ("all" or a Custom list) reports only "Invalid
 * input"; this names the branch that got furthest instead (`policy.apartments.custom: Too big…`).
 */
function describeIssues(issues: readonly Issue[], prefix: readonly PropertyKey[]): string[] {
  return issues.flatMap((issue) => {
    const at = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      const depth = (branch: readonly Issue[]) => Math.max(0, ...branch.map((i) => i.path.length));
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
      if (depth(best) > 0) return describeIssues(best, at);
    }
    return [`${at.map(String).join('.') || 'input'}: ${issue.message}`];
  });
}
