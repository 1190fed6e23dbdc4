// instrumentation.ts and the route handlers are separate bundles, each with its own copy of this
// class: an error thrown by the store (created at boot) fails `instanceof` in a route. A global brand does not.
const BRAND = Symbol.for('skyboard.CodedError');

export interface ErrorDetail {
  field: string;
  message: string;
}

/**
 * A refusal with a snake_case code and a sentence a person can act on. The domain and the stores
 * throw these; only `lib/http` knows which HTTP status a code means.
 */
export class CodedError<Code extends string = string> extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly code: Code,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

/** Whether a value is a CodedError (or an AppError) from any bundle's copy of this module. */
export function isCodedError(error: unknown): error is CodedError {
  return typeof error === 'object' && error !== null && BRAND in error;
}
