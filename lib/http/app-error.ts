import { CodedError, isCodedError, type ErrorDetail } from '../errors/coded-error';
import { componentLogger } from '../log/logger';

/** The error codes of CONTRACT section 1 (and the few of our own), each with its HTTP status: the one place that maps codes to statuses. */
const STATUS_BY_CODE = {
  invalid_json: 400,
  validation_failed: 400,
  too_many_columns: 400,
  too_many_rows: 400,
  unauthorized: 401,
  writes_disabled: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  invalid_transition: 409,
  import_running: 409,
  board_full: 409,
  too_many_notices: 409,
  too_many_screens: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  store_unavailable: 503,
  shutting_down: 503,
  too_many_streams: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export type { ErrorDetail };

/** A refusal at the HTTP edge; handlers return `error.toResponse()` and the body is always the same shape. */
export class AppError extends CodedError<ErrorCode> {
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(code, message, details);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }

  /** The JSON answer; never cached, as no refusal stays true for long. */
  toResponse(headers?: HeadersInit): Response {
    const all = new Headers(headers);
    if (!all.has('cache-control')) all.set('Cache-Control', 'no-store');
    return Response.json(this.toJSON(), { status: this.status, headers: all });
  }
}

const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(STATUS_BY_CODE, code);

/** Any thrown value as a response: a coded error with its status, anything else as a 500 that reveals nothing. */
export function errorResponse(error: unknown): Response {
  if (isCodedError(error) && isErrorCode(error.code)) return new AppError(error.code, error.message, error.details).toResponse();
  componentLogger('api').error({ err: error }, 'unexpected error');
  return new AppError('internal_error', 'Something went wrong on the server; try again.').toResponse();
}
