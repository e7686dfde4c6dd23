import { formatMessage, type MessageKey, type MessageParams } from './messages';

// Typed errors that cross the API boundary: the UI shows `message` next to `field` when there is one.
// A keyed error also carries `key` and `params` (src-shared/messages), so the UI can show it in the
// user's language; `message` is always the English text (CLI, logs, tests).

export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'unknown_method',
  'bad_request',
  'database',
  'internal',
  /** Something the machine lacks (e.g. no browser to print a PDF with). */
  'unavailable',
  'cancelled',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
  key?: string;
  params?: MessageParams;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown inside the core; turned into an ApiError by the dispatcher. */
export class BoucleError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly key?: MessageKey;
  readonly params?: MessageParams;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'BoucleError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
  /** A user-facing error from the message catalogue: `message` is its English text. */
  static of(code: ErrorCode, key: MessageKey, params?: MessageParams, field?: string): BoucleError {
    const e = new BoucleError(code, formatMessage(key, params, 'en'), field);
    (e as { key?: MessageKey }).key = key;
    if (params !== undefined) (e as { params?: MessageParams }).params = params;
    return e;
  }
  toApiError(): ApiError {
    const out: ApiError = { code: this.code, message: this.message };
    if (this.field !== undefined) out.field = this.field;
    if (this.key !== undefined) out.key = this.key;
    if (this.params !== undefined) out.params = this.params;
    return out;
  }
}

/** The same, as a plain ApiError (for replies built outside the dispatcher, e.g. uploads). */
export function keyedApiError(code: ErrorCode, key: MessageKey, params?: MessageParams, field?: string): ApiError {
  return BoucleError.of(code, key, params, field).toApiError();
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
