import type { BoardEvent } from './board-event';
import type { Flight } from './flight';

/** The board: every flight by id. Treated as immutable; the reducer returns a new one. */
export type Board = ReadonlyMap<string, Flight>;

/** A board as of one event id, the unit a snapshot sends. */
export interface BoardSnapshot {
  flights: Flight[];
  lastEventId: string;
}

export function boardFromFlights(flights: Iterable<Flight>): Board {
  return new Map([...flights].map((flight) => [flight.id, flight]));
}

/** Folds one event into the board. The server and the browser both use this, so they agree by construction. */
export function applyEvent(board: Board, event: BoardEvent): Board {
  return applyEvents(board, [event]);
}

/** Folds many events with one copy of the board, for batched updates. */
export function applyEvents(board: Board, events: Iterable<BoardEvent>): Board {
  return applyEventsInPlace(new Map(board), events);
}

/**
 * The same fold, into a board its owner never shares: for the stores and the browser, where copying
 * thousands of flights on every event would be garbage for nothing.
 */
export function applyEventsInPlace(board: Map<string, Flight>, events: Iterable<BoardEvent>): Map<string, Flight> {
  for (const event of events) {
    if (event.name === 'flightStateUpdate') board.set(event.data.id, event.data);
    else board.delete(event.data.id);
  }
  return board;
}
