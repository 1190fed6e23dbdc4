import type { Flight } from './flight';
import type { Notice } from '../signage/notice';
import type { ScreenChange } from '../signage/screen';

export interface FlightRemoval {
  id: string;
  flight: string;
}

/** A change to the board, exactly as it travels in an SSE frame (`event:` name and `data:` JSON). */
export type BoardEvent =
  | { name: 'flightStateUpdate'; data: Flight }
  | { name: 'flightRemoval'; data: FlightRemoval }
  | { name: 'noticePosted'; data: Notice }
  | { name: 'noticeCleared'; data: { id: string } }
  | { name: 'screenChange'; data: ScreenChange };

export type FlightEvent = Extract<BoardEvent, { name: 'flightStateUpdate' | 'flightRemoval' }>;

/** The names of every event the log holds. */
export const BOARD_EVENT_NAMES = ['flightStateUpdate', 'flightRemoval', 'noticePosted', 'noticeCleared', 'screenChange'] as const;

export const isFlightEvent = (event: BoardEvent): event is FlightEvent => event.name === 'flightStateUpdate' || event.name === 'flightRemoval';

/** A board event with its position in the event log. */
export interface LoggedEvent {
  id: string;
  event: BoardEvent;
}
