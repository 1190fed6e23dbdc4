import { AppError } from '../http/app-error';

/** Sent with a refusal: the client should try again (another instance, or this one restarted) soon. */
export const REFUSAL_HEADERS = Object.freeze({ 'Retry-After': '1' });

/** Why this instance will not open a new stream now, or null when it will. */
export function streamRefusal({ shuttingDown }: { shuttingDown: boolean }): AppError | null {
  return shuttingDown ? new AppError('shutting_down', 'This instance is stopping; reconnect in a moment.') : null;
}
