const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Offsets change at most a few times a year and never twice within hours, so sampling every three
// hours and bisecting between two samples that differ finds every change.
const SAMPLE_STEP = 3 * HOUR;

/** From `from` (ms since the epoch) until the next period's `from`, the zone is `offset` ms east of UTC. */
export interface OffsetPeriod {
  from: number;
  offset: number;
}

/**
 * A zone's UTC offsets from `periods[0].from` until `until`: enough for a page to read local clock
 * times without ICU, whose first use costs a phone over 100 ms of blocked main thread.
 */
export interface ZoneOffsets {
  timeZone: string;
  until: number;
  periods: OffsetPeriod[];
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The offset of `timeZone` from UTC at the instant `ms`, in ms (east positive), as ICU knows it. */
export function offsetAt(ms: number, timeZone: string): number {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(ms).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The first whole second in (after, upTo] at which the offset is no longer `before`. */
function changeBetween(after: number, upTo: number, before: number, timeZone: string): number {
  let [low, high] = [after, upTo];
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (offsetAt(middle, timeZone) === before) low = middle;
    else high = middle;
  }
  return high;
}

/** The offsets of `timeZone` over [start, end], read from ICU (the server's). */
export function zoneOffsets(timeZone: string, start: number, end: number): ZoneOffsets {
  const periods: OffsetPeriod[] = [{ from: start, offset: offsetAt(start, timeZone) }];
  for (let at = start; at < end; ) {
    const next = Math.min(at + SAMPLE_STEP, end);
    const offset = offsetAt(next, timeZone);
    const current = periods.at(-1)!.offset;
    if (offset !== current) {
      const from = changeBetween(at, next, current, timeZone);
      periods.push({ from, offset: offsetAt(from, timeZone) });
    }
    at = next;
  }
  return { timeZone, until: end, periods };
}

let cached: { key: string; offsets: ZoneOffsets } | null = null;

/**
 * The offsets a page is given: from two days before `now` (flights that left yesterday) to five
 * weeks after it (screens stay up for weeks; past the table they fall back on ICU). Computed once a
 * day per zone, from the day's start, so every page of a day gets the same table.
 */
export function pageZoneOffsets(timeZone: string, now: number): ZoneOffsets {
  const day = Math.floor(now / DAY) * DAY;
  const key = `${timeZone} ${day}`;
  if (cached?.key !== key) cached = { key, offsets: zoneOffsets(timeZone, day - 2 * DAY, day + 36 * DAY) };
  return cached.offsets;
}

/** The offset the table gives for `ms`, or null outside it. */
export function tableOffsetAt(ms: number, { periods, until }: ZoneOffsets): number | null {
  if (!(ms >= periods[0]!.from && ms < until)) return null;
  let offset = periods[0]!.offset;
  for (const period of periods) {
    if (period.from > ms) break;
    offset = period.offset;
  }
  return offset;
}
