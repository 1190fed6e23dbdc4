import type { BoardEvent } from './board-event';
import type { Flight } from './flight';
import type { Notice } from '../signage/notice';
import type { Screen } from '../signage/screen';

/** The board: every flight by id. Treated as immutable; the reducer returns a new one. */
export type Board = ReadonlyMap<string, Flight>;

/** What a snapshot frame carries: every flight, the active notices and the named screens. */
export interface BoardContent {
  flights: Flight[];
  notices: Notice[];
  screens: Screen[];
}

/** A board and its signage as of one event id, the unit a snapshot sends. */
export interface BoardSnapshot extends BoardContent {
  lastEventId: string;
}

export function boardFromFlights(flights: Iterable<Flight>): Board {
  return new Map([...flights].map((flight) => [flight.id, flight]));
}

/** Folds one event into the board (notice and screen events leave the flights as they are). The server and the browser both use this, so they agree by construction. */
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
    else if (event.name === 'flightRemoval') board.delete(event.data.id);
  }
  return board;
}
