import { parse } from 'csv-parse';
import { CodedError } from '../errors/coded-error';
import { checkCsvShape, checkJsonShape } from './schedule-limits';

/** One row of an upload as written, before validation; `row` counts data rows from 1. */
export interface RawRow {
  row: number;
  fields: Record<string, unknown>;
}

const OPTIONAL_NULLABLE = new Set(['estimated', 'actual', 'terminal', 'gate', 'belt']);

/** `IATA:City` (the city may itself contain a colon). */
function airportCell(value: string): unknown {
  const at = value.indexOf(':');
  return at < 0 ? value : { iata: value.slice(0, at), city: value.slice(at + 1) };
}

/** A CSV cell as the flight field it stands for: empty optional cells are left out, lists split on spaces. */
function fromCell(field: string, value: string): unknown {
  if (field === 'codeshares') return value.trim() ? value.trim().split(/\s+/) : [];
  if (field === 'origin' || field === 'destination') return airportCell(value);
  return value;
}

// The parser gets the text in slices with a turn of the event loop between them, so a 5 MiB file
// never holds up streams and other requests for the whole of its parse.
const PARSE_SLICE_CHARS = 256 * 1024;

async function parseCsvRecords(text: string): Promise<string[][]> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  const records: string[][] = [];
  parser.on('readable', () => {
    for (let record: string[] | null; (record = parser.read() as string[] | null) !== null; ) records.push(record);
  });
  const ended = new Promise<void>((resolve, reject) => {
    parser.once('end', resolve);
    parser.once('error', reject);
  });
  for (let at = 0; at < text.length && !parser.destroyed; at += PARSE_SLICE_CHARS) {
    parser.write(text.slice(at, at + PARSE_SLICE_CHARS));
    await new Promise((resolve) => setImmediate(resolve));
  }
  parser.end();
  await ended;
  return records;
}

/** The rows of a CSV schedule: a header row naming the flight fields, then one flight per row. */
export async function parseCsvSchedule(text: string): Promise<RawRow[]> {
  checkCsvShape(text);
  let records: string[][];
  try {
    records = await parseCsvRecords(text);
  } catch (error) {
    throw new CodedError('validation_failed', `The CSV cannot be read: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new CodedError('validation_failed', 'The CSV is empty: it needs a header row naming the flight fields.');
  const names = header.map((name) => name.trim());
  return rows.map((cells, index) => {
    const entries: [string, unknown][] = [];
    names.forEach((name, column) => {
      const value = cells[column] ?? '';
      if (value === '' && (OPTIONAL_NULLABLE.has(name) || name === 'codeshares')) return;
      entries.push([name, fromCell(name, value)]);
    });
    // Cells beyond the header are reported as a field the schema does not know.
    if (cells.length > names.length) entries.push([`column ${names.length + 1}`, cells[names.length]]);
    // From entries, so a column named __proto__ is an unknown field like any other, not a prototype.
    return { row: index + 1, fields: Object.fromEntries(entries) };
  });
}

/** The rows of a JSON schedule: `{ "flights": [...] }`. */
export function parseJsonSchedule(body: unknown): RawRow[] {
  const flights = (body as { flights?: unknown } | null)?.flights;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray(flights)) {
    throw new CodedError('validation_failed', 'A JSON schedule is an object with a "flights" list: { "flights": [...] }.', [
      { field: 'flights', message: 'must be a list of flights' },
    ]);
  }
  checkJsonShape(flights);
  return flights.map((fields, index) => ({ row: index + 1, fields: fields as Record<string, unknown> }));
}
