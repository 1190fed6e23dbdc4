import type { EventLog } from '../events/event-log';
import { CodedError } from '../errors/coded-error';
import { toFlight, type Flight } from '../flights/flight';
import type { FlightPatch, NewFlight } from '../flights/flight-schema';
import { canTransition, isStatusOf, settleActual, statusesFor } from '../flights/lifecycle';
import type { Clock } from '../time/clock';

const notFound = (id: string) => new CodedError('not_found', `No flight has the id "${id.slice(0, 80)}".`);

/** Refused when the board already holds `maxFlights` (BOARD_MAX_FLIGHTS). */
export const boardFull = (maxFlights: number) =>
  new CodedError('board_full', `The board holds ${maxFlights} flights, as many as it may (BOARD_MAX_FLIGHTS); remove some first.`);

/** Adds a flight; refuses an id that exists (conflict), a full board or a status of the other direction. */
export async function createFlight(log: EventLog, clock: Clock, input: NewFlight, maxFlights: number): Promise<Flight> {
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
    const flight = toFlight({ ...input, actual }, new Date().toISOString());
    return { events: [{ name: 'flightStateUpdate', data: flight }], result: flight };
  });
  return result;
}

/** Changes some fields of a flight; a status move must be legal for its direction (invalid_transition). */
export async function patchFlight(log: EventLog, clock: Clock, id: string, patch: FlightPatch): Promise<Flight> {
  const { result } = await log.commit((board) => {
    const current = board.get(id);
    if (!current) throw notFound(id);
    if (patch.status && !canTransition(current.direction, current.status, patch.status)) {
      throw new CodedError('invalid_transition', `A ${current.direction} cannot move from "${current.status}" to "${patch.status}".`);
    }
    const changed = { ...current, ...patch };
    const actual = settleActual(changed.status, changed.actual, clock.now());
    const flight = toFlight({ ...changed, actual }, new Date().toISOString());
    return { events: [{ name: 'flightStateUpdate', data: flight }], result: flight };
  });
  return result;
}

/** Takes a flight off the board. */
export async function deleteFlight(log: EventLog, id: string): Promise<void> {
  await log.commit((board) => {
    const current = board.get(id);
    if (!current) throw notFound(id);
    return { events: [{ name: 'flightRemoval', data: { id, flight: current.flight } }], result: undefined };
  });
}
