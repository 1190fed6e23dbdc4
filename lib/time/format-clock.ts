import { tableOffsetAt, type ZoneOffsets } from './zone-offsets';

const formatters = new Map<string, Intl.DateTimeFormat>();
const knownOffsets = new Map<string, ZoneOffsets>();

function formatterFor(timeZone: string, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone} ${withSeconds}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds && { second: '2-digit' }),
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Lets the clock formats read `offsets.timeZone` from the server's table instead of ICU. A page
 * calls it before its first render: the first Intl formatter in a browser loads ICU's data, one
 * block of 30–50 ms here (four times that on Lighthouse's phone) in the middle of hydration. Outside
 * the table, and for zones it was not given, the formats use Intl as before; both give the same text.
 */
export function knowZoneOffsets(offsets: ZoneOffsets): void {
  knownOffsets.set(offsets.timeZone, offsets);
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

function format(ms: number, timeZone: string, withSeconds: boolean): string {
  const table = knownOffsets.get(timeZone);
  const offset = table ? tableOffsetAt(ms, table) : null;
  if (offset === null) return formatterFor(timeZone, withSeconds).format(new Date(ms));
  const local = new Date(ms + offset);
  const clock = `${twoDigits(local.getUTCHours())}:${twoDigits(local.getUTCMinutes())}`;
  return withSeconds ? `${clock}:${twoDigits(local.getUTCSeconds())}` : clock;
}

/** `HH:MM`, 24-hour, in the given IANA time zone; the same on the server and in the browser. */
export function formatClock(iso: string, timeZone: string): string {
  return format(Date.parse(iso), timeZone, false);
}

/** `HH:MM:SS`, 24-hour, in the given IANA time zone: when the board last heard from the server. */
export function formatClockSeconds(ms: number, timeZone: string): string {
  return format(ms, timeZone, true);
}
