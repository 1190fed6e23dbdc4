import { mayWriteFlight, outsideAirlines } from '../auth/airline-access';
import type { Caller } from '../auth/api-tokens';
import type { EventLog } from '../events/event-log';
import type { Author } from '../events/history';
import { CodedError } from '../errors/coded-error';
import { toFlight, type Flight } from '../flights/flight';
import type { FlightPatch, NewFlight } from '../flights/flight-schema';
import { canTransition, isStatusOf, settleActual, statusesFor } from '../flights/lifecycle';
import type { Clock } from '../time/clock';

const notFound = (id: string) => new CodedError('not_found', `No flight has the id "${id.slice(0, 80)}".`);

/** Refused when the board already holds `maxFlights` (BOARD_MAX_FLIGHTS). */
export const boardFull = (maxFlights: number) =>
  new CodedError('board_full', `The board holds ${maxFlights} flights, as many as it may (BOARD_MAX_FLIGHTS); remove some first.`);

/** A write through the API: who makes it, and the version they saw (`If-Match`), if they sent one. */
export interface ApiWrite {
  caller: Caller;
  /** The version the writer read; `*`: any version, as long as the flight exists; undefined: no condition. */
  ifMatch?: number | '*';
}

const authorOf = ({ caller }: ApiWrite): Author => ({ actor: caller.name, source: 'api' });

function checkAirline(write: ApiWrite, designator: string) {
  if (!mayWriteFlight(write.caller, designator)) throw outsideAirlines(write.caller, designator);
}

/** Refuses a write made against a version the flight is no longer at (412), as part of the plan, so no other write comes between. */
function checkVersion(current: Flight, { ifMatch }: ApiWrite) {
  if (ifMatch === undefined || ifMatch === '*' || ifMatch === current.version) return;
  throw new CodedError(
    'precondition_failed',
    `Flight ${current.flight} is at version ${current.version}, not ${ifMatch}: it was changed since you read it. Read it again, then retry your change.`,
  );
}

/** Adds a flight; refuses an id that exists (conflict), a full board, a status of the other direction, or another airline's flight. */
export async function createFlight(log: EventLog, clock: Clock, input: NewFlight, maxFlights: number, write: ApiWrite): Promise<Flight> {
  checkAirline(write, input.flight);
  const { result } = await log.commit((board) => {
    if (board.has(input.id)) {
      throw new CodedError('conflict', `A flight with the id "${input.id}" exists already; change it with PATCH instead.`);
    }
    if (board.size >= maxFlights) throw boardFull(maxFlights);
    if (!isStatusOf(input.direction, input.status)) {
      throw new CodedError(
        'invalid_transition',
        `A ${input.direction} cannot be "${input.status}"; use one of: ${statusesFor(input.direction).join(', ')}.`,
      );
    }
    const actual = settleActual(input.status, input.actual, clock.now());
    const flight = toFlight({ ...input, actual }, new Date().toISOString(), 1);
    return { events: [{ name: 'flightStateUpdate', data: flight }], result: flight };
  }, authorOf(write));
  return result;
}

/** Changes some fields of a flight; a status move must be legal for its direction (invalid_transition). */
export async function patchFlight(log: EventLog, clock: Clock, id: string, patch: FlightPatch, write: ApiWrite): Promise<Flight> {
  if (patch.flight) checkAirline(write, patch.flight);
  const { result } = await log.commit((board) => {
    const current = board.get(id);
    if (!current) throw notFound(id);
    checkAirline(write, current.flight);
    checkVersion(current, write);
    if (patch.status && !canTransition(current.direction, current.status, patch.status)) {
      throw new CodedError('invalid_transition', `A ${current.direction} cannot move from "${current.status}" to "${patch.status}".`);
    }
    const changed = { ...current, ...patch };
    const actual = settleActual(changed.status, changed.actual, clock.now());
    const flight = toFlight({ ...changed, actual }, new Date().toISOString(), current.version + 1);
    return { events: [{ name: 'flightStateUpdate', data: flight }], result: flight };
  }, authorOf(write));
  return result;
}

/** Takes a flight off the board. */
export async function deleteFlight(log: EventLog, id: string, write: ApiWrite): Promise<void> {
  await log.commit((board) => {
    const current = board.get(id);
    if (!current) throw notFound(id);
    checkAirline(write, current.flight);
    checkVersion(current, write);
    return { events: [{ name: 'flightRemoval', data: { id, flight: current.flight } }], result: undefined };
  }, authorOf(write));
}
