import type { EventLog } from '../events/event-log';
import type { Board } from '../flights/board';
import type { BoardEvent } from '../flights/board-event';
import { newFlightSchema, type NewFlight } from '../flights/flight-schema';
import { nextVersion, toFlight } from '../flights/flight';
import { canTransition, isStatusOf, settleActual } from '../flights/lifecycle';
import type { Clock } from '../time/clock';
import type { ImportMessage } from './import-messages';
import type { RawRow } from './parse-schedule';
import { boardFull } from '../board/flight-writes';
import { mayWriteFlight, outsideAirlines } from '../auth/airline-access';
import type { Caller } from '../auth/api-tokens';


type RowError = Extract<ImportMessage, { name: 'importError' }>['data'];

// A progress report after every chunk: a chunk takes a few milliseconds, far inside the 250 ms the
// contract allows between reports, and the pause between chunks lets each report reach the client.
const CHUNK_ROWS = 250;

function schemaErrors(row: number, fields: unknown): RowError[] | NewFlight {
  const result = newFlightSchema.safeParse(fields);
  if (result.success) return result.data;
  return result.error.issues.map((issue) => ({
    row,
    field: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.map(String).join('.') || '(row)',
    message: issue.code === 'unrecognized_keys' ? 'is not a flight field' : issue.message,
  }));
}

/** Lifecycle checks against the board at commit time: an existing id is replaced, by a legal move only. */
function lifecycleErrors(board: Board, rows: { row: number; flight: NewFlight }[]): RowError[] {
  const errors: RowError[] = [];
  for (const { row, flight } of rows) {
    const current = board.get(flight.id);
    if (!isStatusOf(flight.direction, flight.status)) {
      errors.push({ row, field: 'status', message: `a ${flight.direction} cannot be "${flight.status}"` });
    } else if (current && current.direction !== flight.direction) {
      errors.push({ row, field: 'direction', message: `flight ${flight.id} is an ${current.direction}; the direction cannot change` });
    } else if (current && !canTransition(current.direction, current.status, flight.status)) {
      errors.push({ row, field: 'status', message: `cannot move from "${current.status}" to "${flight.status}"` });
    }
  }
  return errors;
}

class RefusedImport extends Error {
  constructor(readonly errors: RowError[]) {
    super('import refused');
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The board an import goes to, how many flights it may hold (BOARD_MAX_FLIGHTS), and who imports. */
export interface ImportTarget {
  log: EventLog;
  clock: Clock;
  maxFlights: number;
  caller: Caller;
}

/** Row errors sent as `importError`; beyond this many they are only counted (CONTRACT section 6). */
export const MAX_LISTED_ERRORS = 1000;

/**
 * Validates every row, then applies all of them through the event log in one atomic step, or none.
 * Yields the messages of the progress stream as it goes, each row error as it is found (the first
 * MAX_LISTED_ERRORS of them; `rejected` counts every bad row); stops before applying if `signal` aborts.
 */
export async function* importSchedule(board: ImportTarget, rows: RawRow[], signal: AbortSignal): AsyncGenerator<ImportMessage> {
  const total = rows.length;
  const valid: { row: number; flight: NewFlight }[] = [];
  const rejectedRows = new Set<number>();
  let listed = 0;
  function* report(errors: RowError[]): Generator<ImportMessage> {
    for (const error of errors) {
      rejectedRows.add(error.row);
      if (listed >= MAX_LISTED_ERRORS) continue;
      listed += 1;
      yield { name: 'importError', data: error };
    }
  }
  const seenIds = new Map<string, number>();
  yield { name: 'importProgress', data: { phase: 'validating', done: 0, total } };

  for (let start = 0; start < total; start += CHUNK_ROWS) {
    for (const { row, fields } of rows.slice(start, start + CHUNK_ROWS)) {
      const checked = schemaErrors(row, fields);
      if (Array.isArray(checked)) {
        yield* report(checked);
        continue;
      }
      if (!mayWriteFlight(board.caller, checked.flight)) {
        yield* report([{ row, field: 'flight', message: outsideAirlines(board.caller, checked.flight).message }]);
        continue;
      }
      const earlier = seenIds.get(checked.id);
      if (earlier) yield* report([{ row, field: 'id', message: `repeats the id of row ${earlier}` }]);
      else seenIds.set(checked.id, row);
      valid.push({ row, flight: checked });
    }
    yield { name: 'importProgress', data: { phase: 'validating', done: Math.min(start + CHUNK_ROWS, total), total } };
    await yieldToEventLoop();
    if (signal.aborted) return;
  }

  if (rejectedRows.size === 0) {
    yield { name: 'importProgress', data: { phase: 'applying', done: 0, total } };
    if (signal.aborted) return;
    const outcome = await apply(board, valid);
    if (!Array.isArray(outcome)) {
      yield { name: 'importProgress', data: { phase: 'applying', done: total, total } };
      yield { name: 'importDone', data: { ...outcome, rejected: 0 } };
      return;
    }
    yield* report(outcome);
  }
  yield { name: 'importDone', data: { created: 0, updated: 0, rejected: rejectedRows.size, lastEventId: (await board.log.snapshot()).lastEventId } };
}

async function apply({ log, clock, maxFlights, caller }: ImportTarget, rows: { row: number; flight: NewFlight }[]) {
  try {
    const { entries, result } = await log.commit((board) => {
      const errors = lifecycleErrors(board, rows);
      if (errors.length) throw new RefusedImport(errors);
      const updatedAt = new Date().toISOString();
      const now = clock.now();
      const updated = rows.filter(({ flight }) => board.has(flight.id)).length;
      if (board.size + rows.length - updated > maxFlights) {
        throw new RefusedImport([{ row: 0, field: '(import)', message: boardFull(maxFlights).message }]);
      }
      const events: BoardEvent[] = rows.map(({ flight }) => ({
        name: 'flightStateUpdate',
        data: toFlight({ ...flight, actual: settleActual(flight.status, flight.actual, now) }, updatedAt, nextVersion(board, flight.id)),
      }));
      return { events, result: { created: rows.length - updated, updated } };
    }, { actor: `import:${caller.name}`, source: 'import' });
    return { ...result, lastEventId: entries.at(-1)?.id ?? (await log.snapshot()).lastEventId };
  } catch (error) {
    if (error instanceof RefusedImport) return error.errors;
    throw error;
  }
}
