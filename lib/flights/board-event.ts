import type { Flight } from './flight';

/** The event names of the stream, shared by server and browser. */
export const BOARD_EVENT_NAMES = ['flightStateUpdate', 'flightRemoval'] as const;
export type BoardEventName = (typeof BOARD_EVENT_NAMES)[number];

export interface FlightRemoval {
  id: string;
  flight: string;
}

/** A change to the board, exactly as it travels in an SSE frame (`event:` name and `data:` JSON). */
export type BoardEvent =
  | { name: 'flightStateUpdate'; data: Flight }
  | { name: 'flightRemoval'; data: FlightRemoval };

/** A board event with its position in the event log. */
export interface LoggedEvent {
  id: string;
  event: BoardEvent;
}
