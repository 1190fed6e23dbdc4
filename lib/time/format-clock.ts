const formatters = new Map<string, Intl.DateTimeFormat>();

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

/** `HH:MM`, 24-hour, in the given IANA time zone; the same on the server and in the browser. */
export function formatClock(iso: string, timeZone: string): string {
  return formatterFor(timeZone, false).format(new Date(iso));
}

/** `HH:MM:SS`, 24-hour, in the given IANA time zone: when the board last heard from the server. */
export function formatClockSeconds(ms: number, timeZone: string): string {
  return formatterFor(timeZone, true).format(new Date(ms));
}
