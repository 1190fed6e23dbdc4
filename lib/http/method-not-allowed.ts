import { AppError } from './app-error';

/** A handler for the methods a path does not take: 405 as the contract's JSON error, with `Allow`. */
export function methodNotAllowed(allowed: string) {
  return () =>
    new AppError('method_not_allowed', `This endpoint takes ${allowed} only.`).toResponse({ Allow: allowed });
}

/** For paths that match no endpoint at all: 404 as JSON, whatever the method. */
export function noSuchEndpoint(request: Request) {
  return new AppError('not_found', `There is no API endpoint at ${new URL(request.url).pathname}.`).toResponse();
}
