/**
 * Turns `field=value` words into a PATCH body: `null` clears a field, `codeshares` takes a comma list,
 * `origin`/`destination` take `IATA:City`. Anything else stays a string; the server validates it.
 */
export function parseAssignments(words: string[]): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const word of words) {
    const at = word.indexOf('=');
    if (at <= 0) throw new Error(`"${word}" is not field=value (for example status=boarding).`);
    const field = word.slice(0, at);
    const value = word.slice(at + 1);
    entries.push([field, parseValue(field, value)]);
  }
  // Built from entries: a field named __proto__ is then an own field the server refuses, not a prototype.
  return Object.fromEntries(entries);
}

function parseValue(field: string, value: string): unknown {
  if (value === 'null') return null;
  if (field === 'codeshares') return value === '' ? [] : value.split(',').map((code) => code.trim());
  if (field === 'origin' || field === 'destination') {
    const [iata, ...city] = value.split(':');
    if (city.length === 0) throw new Error(`${field} takes IATA:City, for example FCO:Rome.`);
    return { iata, city: city.join(':') };
  }
  return value;
}
