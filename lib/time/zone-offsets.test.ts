import { describe, expect, it } from 'vitest';
import { formatClock, formatClockSeconds, knowZoneOffsets } from './format-clock';
import { pageZoneOffsets, tableOffsetAt, zoneOffsets } from './zone-offsets';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const icuFormats = new Map<string, Intl.DateTimeFormat>();
function icuClock(ms: number, timeZone: string, second?: '2-digit') {
  const key = `${timeZone} ${second}`;
  if (!icuFormats.has(key)) icuFormats.set(key, new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second, hourCycle: 'h23' }));
  return icuFormats.get(key)!.format(ms);
}

// Whole-hour, half-hour and 45-minute offsets; DST north and south, a 30-minute DST step, none at all.
const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
const YEAR_START = Date.parse('2026-01-01T00:00:00Z');

describe('zone offsets', () => {
  it('finds every change of 2026 to the second: the table reads the time ICU reads, around each change too', () => {
    for (const timeZone of ZONES) {
      const table = zoneOffsets(timeZone, YEAR_START, YEAR_START + 365 * DAY);
      const changes = table.periods.slice(1).map((period) => period.from);
      expect(changes.length, timeZone).toBe(['Asia/Kathmandu', 'UTC'].includes(timeZone) ? 0 : 2);
      knowZoneOffsets(table);
      const instants = [...changes.flatMap((at) => [at - 1000, at, at + 1000, at + 59 * MINUTE])];
      for (let at = YEAR_START; at < table.until; at += 97 * MINUTE) instants.push(at);
      for (const at of instants) {
        expect(formatClock(new Date(at).toISOString(), timeZone), `${timeZone} ${new Date(at).toISOString()}`).toBe(icuClock(at, timeZone));
        expect(formatClockSeconds(at, timeZone)).toBe(icuClock(at, timeZone, '2-digit'));
      }
    }
  });

  it('says nothing outside its span, where the formats fall back on ICU with the same result', () => {
    const table = zoneOffsets('Europe/London', YEAR_START, YEAR_START + 10 * DAY);
    expect(tableOffsetAt(YEAR_START - 1, table)).toBeNull();
    expect(tableOffsetAt(table.until, table)).toBeNull();
    expect(tableOffsetAt(Number.NaN, table)).toBeNull();
    expect(tableOffsetAt(YEAR_START, table)).toBe(0);
    knowZoneOffsets(table);
    const summer = Date.parse('2026-07-01T12:34:00Z');
    expect(formatClock(new Date(summer).toISOString(), 'Europe/London')).toBe('13:34');
    expect(() => formatClock('not a time', 'Europe/London')).toThrow(RangeError);
  });

  it('gives a page the same table all day, from two days back to five weeks on', () => {
    const morning = Date.parse('2026-12-04T06:00:00Z');
    const table = pageZoneOffsets('Europe/Paris', morning);
    expect(pageZoneOffsets('Europe/Paris', morning + 12 * 60 * MINUTE)).toBe(table);
    expect(table.periods[0]!.from).toBe(Date.parse('2026-12-02T00:00:00Z'));
    expect(table.until).toBe(Date.parse('2027-01-09T00:00:00Z'));
    expect(table.periods).toEqual([{ from: table.periods[0]!.from, offset: 60 * MINUTE }]);
    expect(pageZoneOffsets('Europe/Paris', morning + DAY)).not.toBe(table);
  });
});
