import { type CallOutput, CALLS, type Envelope, type ParsedInput } from '../../src-shared/ipc/contract';
import { type InvokeChannel, isInvokeChannel } from '../../src-shared/ipc/channels';
import { AppError, toErrorShape } from '../../src-shared/errors';
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
  const schema = CALLS[channel];
  const parsed = schema.input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
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
