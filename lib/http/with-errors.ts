import { errorResponse } from './app-error';

/** Wraps a route handler so anything it throws becomes the contract's JSON error, never a bare 500. */
export function withErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response> | Response) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
