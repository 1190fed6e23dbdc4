import 'server-only';
import { notFound } from 'next/navigation';
import { PLACE } from '../flights/place';
import { pageZoneOffsets } from '../time/zone-offsets';
import { requestLanguages } from './page-languages';
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

/** What every live page (the board, the displays, the screens, the operations page) renders from: the board as it is now, the settings its stream needs, and the languages asked for. */
export async function displayProps(searchParams: Record<string, string | string[] | undefined>) {
  const { log, home, clock, settings } = getRuntime();
  return {
    languages: await requestLanguages(searchParams),
    initial: await log.snapshot(),
    timeZone: home.timeZone,
    zoneOffsets: pageZoneOffsets(home.timeZone, clock.now()),
    boardTime: { origin: clock.origin, speed: clock.speed },
    retryMs: settings.SSE_RETRY_MS,
    heartbeatMs: settings.SSE_HEARTBEAT_MS,
  };
}
