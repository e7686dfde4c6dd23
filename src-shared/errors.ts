// Typed errors that cross the API boundary: the UI shows `message` next to `field` when there is one.

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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown inside the core; turned into an ApiError by the dispatcher. */
export class BoucleError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'BoucleError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
  toApiError(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
