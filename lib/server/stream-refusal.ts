import { CodedError } from '../errors/coded-error';

/** Sent with a refusal: when the client should try again (another instance, or this one later). */
export const RETRY_AFTER_SECONDS = { shutting_down: 1, too_many_streams: 5 } as const;

/**
 * Why this instance will not open a new stream now, or null when it will: it is stopping, or it
 * already holds SSE_MAX_STREAMS streams (a flood of connections must not hurt the ones already open).
 */
export function streamRefusal({
  shuttingDown,
  openStreams,
  maxStreams,
}: {
  shuttingDown: boolean;
  openStreams: number;
  maxStreams: number;
}): CodedError<keyof typeof RETRY_AFTER_SECONDS> | null {
  if (shuttingDown) return new CodedError('shutting_down', 'This instance is stopping; reconnect in a moment.');
  if (openStreams >= maxStreams) {
    return new CodedError('too_many_streams', `This instance already holds its ${maxStreams} streams; reconnect in a few seconds.`);
  }
  return null;
}
