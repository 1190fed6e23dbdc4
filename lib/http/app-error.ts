/** The error codes of CONTRACT section 1, each with its HTTP status. */
const STATUS_BY_CODE = {
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  writes_disabled: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  store_unavailable: 503,
  shutting_down: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export interface ErrorDetail {
  field: string;
  message: string;
}

// instrumentation.ts and the route handlers are separate bundles, each with its own copy of this
// class: an error thrown by the store (created at boot) fails `instanceof` in a route. A global brand does not.
const BRAND = Symbol.for('skyboard.AppError');

/** A refusal with a code; handlers return `error.toResponse()` and the body is always the same shape. */
export class AppError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }

  toResponse(headers?: HeadersInit): Response {
    return Response.json(this.toJSON(), { status: this.status, headers });
  }
}

/** Whether a value is an AppError from any bundle's copy of this module. */
export function isAppError(error: unknown): error is AppError {
  return typeof error === 'object' && error !== null && BRAND in error;
}

/** Any thrown value as a response: an AppError as itself, anything else as a 500 that reveals nothing. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) return error.toResponse();
  console.error('[api] unexpected error:', error);
  return new AppError('internal_error', 'Something went wrong on the server; try again.').toResponse();
}
