import { formatClock } from './format-clock';
import { offsetAt } from './zone-offsets';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The instant a local `HH:MM` in `timeZone` means near `reference` (an ISO time): of that clock
 * time on the day before, the day of, and the day after the reference, the one nearest to it, as a
 * board reads "Expected 00:10" for a flight scheduled at 23:50. null when `hhmm` is not a time.
 */
export function localTimeNear(hhmm: string, reference: string, timeZone: string): string | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) return null;
  const referenceMs = Date.parse(reference);
  const wantedMinutes = Number(match[1]) * 60 + Number(match[2]);
  let best: number | null = null;
  for (const dayShift of [-1, 0, 1]) {
    const day = referenceMs + dayShift * DAY;
    const local = new Date(day + offsetAt(day, timeZone));
    const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    const guess = localMidnight + wantedMinutes * MINUTE;
    // The offset at the wanted time itself (it may differ from the day's start across a DST change).
    const candidate = guess - offsetAt(guess - offsetAt(guess, timeZone), timeZone);
    if (formatClock(new Date(candidate).toISOString(), timeZone) !== hhmm) continue;
    if (best === null || Math.abs(candidate - referenceMs) < Math.abs(best - referenceMs)) best = candidate;
  }
  return best === null ? null : new Date(best).toISOString();
}
