import type { BoardEvent } from '../flights/board-event';
import { fromStored, type Flight } from '../flights/flight';

/** A flight as a store keeps it (JSON), read into today's record: older rows have no `actual`. */
export function parseStoredFlight(json: string): Flight {
  return fromStored(JSON.parse(json));
}

/** A logged event as a store keeps it (its name and its data as JSON), read into today's records. */
export function parseStoredEvent(name: string, json: string): BoardEvent {
  const data = JSON.parse(json);
  return name === 'flightStateUpdate' ? { name, data: fromStored(data) } : { name: 'flightRemoval', data };
}
