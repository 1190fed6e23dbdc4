const formatters = new Map<string, Intl.DateTimeFormat>();

/** `HH:MM`, 24-hour, in the given IANA time zone; the same on the server and in the browser. */
export function formatClock(iso: string, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(iso));
}
