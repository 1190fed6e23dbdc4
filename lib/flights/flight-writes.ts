import type { EventLog } from '../events/event-log';
import { AppError } from '../http/app-error';
import type { Flight } from './flight';
import type { FlightPatch, NewFlight } from './flight-schema';
import { canTransition, isStatusOf, statusesFor } from './lifecycle';

/** The record in the contract's field order, so every answer and frame reads the same way. */
export function toFlight(fields: Omit<Flight, 'updatedAt'>, updatedAt: string): Flight {
  const { id, flight, codeshares, airline, direction, origin, destination, scheduled, estimated, terminal, gate, belt, status } =
    fields;
  return { id, flight, codeshares, airline, direction, origin, destination, scheduled, estimated, terminal, gate, belt, status, updatedAt };
}

const notFound = (id: string) => new AppError('not_found', `No flight has the id "${id.slice(0, 80)}".`);

/** Adds a flight; refuses an id that exists (409 conflict) or a status of the other direction. */
export async function createFlight(log: EventLog, input: NewFlight): Promise<Flight> {
  const { result } = await log.commit((board) => {
    if (board.has(input.id)) {
      throw new AppError('conflict', `A flight with the id "${input.id}" exists already; change it with PATCH instead.`);
    }
    if (!isStatusOf(input.direction, input.status)) {
      throw new AppError(
        'invalid_transition',
        `A ${input.direction} cannot be "${input.status}"; use one of: ${statusesFor(input.direction).join(', ')}.`,
      );
    }
    const flight = toFlight(input, new Date().toISOString());
    return { events: [{ name: 'flightStateUpdate', data: flight }], result: flight };
  });
  return result;
}

/** Changes some fields of a flight; a status move must be legal for its direction (409 invalid_transition). */
export async function patchFlight(log: EventLog, id: string, patch: FlightPatch): Promise<Flight> {
  const { result } = await log.commit((board) => {
    const current = board.get(id);
    if (!current) throw notFound(id);
    if (patch.status && !canTransition(current.direction, current.status, patch.status)) {
      throw new AppError(
        'invalid_transition',
        `A ${current.direction} cannot move from "${current.status}" to "${patch.status}".`,
      );
    }
    const flight = toFlight({ ...current, ...patch }, new Date().toISOString());
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
