import { z } from 'zod';

/** Every error code the app knows. Adapters map transport failures to these; the renderer maps them to sentences. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'INTERNAL',
  'OFFLINE',
  'CANCELLED',
  'FORBIDDEN_SENDER',
  'KEYCHAIN_UNAVAILABLE',
  'SUBSCRIPTION_REQUIRED',
  'RUN_IN_PROGRESS',
  /** Too many of one action too fast (PIN reveals); `details.retryAt` says when it works again. */
  'RATE_LIMITED',
  /** The main-process confirmation dialog was answered "Cancel": nothing was changed. */
  'NOT_CONFIRMED',
  'RM_UNAUTHORIZED',
  'RM_TOO_MANY_SESSIONS',
  'RM_FORBIDDEN',
  'RM_NOT_FOUND',
  'RM_BAD_FILTER',
  'RM_RATE_LIMITED',
  'RM_UNAVAILABLE',
  'RM_BAD_RESPONSE',
  'RM_UNKNOWN_COMPANY',
  'RM_FIELD_NOT_FOUND',
  'ADOPTION_CHOICE_NEEDED',
  'SP_UNAUTHORIZED',
  'SP_FORBIDDEN',
  'SP_NOT_FOUND',
  'SP_VALIDATION_FAILED',
  'SP_CONFLICT',
  'SP_MAC_NOT_REGISTERED',
  'SP_SUBSCRIPTION_REQUIRED',
  'SP_LIMIT_EXCEEDED',
  'SP_RATE_LIMITED',
  'SP_UNAVAILABLE',
  'SP_BAD_RESPONSE',
  'CARD_INVALID',
  'CARD_DECLINED',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialisable error shape that crosses IPC (a thrown Error would lose all but its message). */
export const AppErrorShapeSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryable: z.boolean(),
  details: z.record(z.string(), z.unknown()).optional(),
});
/** See {@link AppErrorShapeSchema}. */
export type AppErrorShape = z.infer<typeof AppErrorShapeSchema>;

/** The app's error: a code a program can branch on, a message a person can read, and whether retrying may help. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retryable?: boolean; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }

  /** The IPC-safe form of this error (no stack, no cause). */
  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** True when `value` is an {@link AppError}. */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Turns anything thrown into an IPC-safe error shape; unknown errors become INTERNAL. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (isAppError(error)) return error.toShape();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: message || 'Something went wrong.', retryable: false };
}

/** Marks a branch that the type system proves unreachable; throws if it is reached anyway. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
