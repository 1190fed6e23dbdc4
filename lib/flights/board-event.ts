import type { Flight } from './flight';

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
