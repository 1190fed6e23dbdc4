import { CodedError } from '../errors/coded-error';

/** The most columns (CSV) or fields (JSON) a schedule row may have: a flight has 16. */
export const MAX_SCHEDULE_COLUMNS = 50;
/** The most flights one import carries (CONTRACT section 6). */
export const MAX_SCHEDULE_ROWS = 20_000;

const tooManyColumns = () =>
  new CodedError('too_many_columns', `A schedule row may have at most ${MAX_SCHEDULE_COLUMNS} columns; a flight has 16 fields.`);
const tooManyRows = () => new CodedError('too_many_rows', `A schedule may have at most ${MAX_SCHEDULE_ROWS} rows; split it into several imports.`);

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Refuses a CSV text with too many columns in any record or too many data rows, in one pass over its
 * characters that builds nothing (quoted fields may hold commas and line breaks), before the parser
 * does work that grows with columns × rows. Blank lines do not count, as the parser skips them.
 */
export function checkCsvShape(text: string) {
  let records = 0;
  let fields = 1;
  let lineHasContent = false;
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (quoted) {
      if (code === QUOTE) {
        if (text.charCodeAt(at + 1) === QUOTE) at++;
        else quoted = false;
      }
      continue;
    }
    if (code === LF || code === CR) {
      if (!lineHasContent) continue;
      if (++records > MAX_SCHEDULE_ROWS + 1) throw tooManyRows();
      fields = 1;
      lineHasContent = false;
      continue;
    }
    lineHasContent = true;
    if (code === QUOTE) quoted = true;
    else if (code === COMMA && ++fields > MAX_SCHEDULE_COLUMNS) throw tooManyColumns();
  }
  // The last record, when no line break ends it; the header is not a row.
  if (lineHasContent && ++records > MAX_SCHEDULE_ROWS + 1) throw tooManyRows();
}

/** Rows of a JSON schedule: at most MAX_SCHEDULE_ROWS, each with at most MAX_SCHEDULE_COLUMNS fields. */
export function checkJsonShape(flights: unknown[]) {
  if (flights.length > MAX_SCHEDULE_ROWS) throw tooManyRows();
  for (const flight of flights) {
    if (typeof flight === 'object' && flight !== null && Object.keys(flight).length > MAX_SCHEDULE_COLUMNS) throw tooManyColumns();
  }
}
