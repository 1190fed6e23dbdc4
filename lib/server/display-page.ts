import 'server-only';
import { notFound } from 'next/navigation';
import { PLACE } from '../flights/place';
import { getRuntime } from './runtime';

/**
 * The place a display's path names (Next hands it over still percent-encoded; proxy.ts has refused
 * a malformed escape with 400), or a 404 for one no flight could have.
 */
export function placeOrNotFound(raw: string): string {
  const place = decodeURIComponent(raw).trim();
  if (!PLACE.test(place)) notFound();
  return place;
}

/** What every display page renders from: the board as it is now, and the settings its stream needs. */
export async function displayProps() {
  const { log, home, clock, settings } = getRuntime();
  return {
    initial: await log.snapshot(),
    timeZone: home.timeZone,
    boardTime: { origin: clock.origin, speed: clock.speed },
    retryMs: settings.SSE_RETRY_MS,
    heartbeatMs: settings.SSE_HEARTBEAT_MS,
  };
}
