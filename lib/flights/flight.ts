import * as z from './browser-zod';

export const directionSchema = z.enum(['arrival', 'departure']);
export type Direction = z.infer<typeof directionSchema>;

export const flightStatusSchema = z.enum([
  'scheduled',
  'delayed',
  'cancelled',
  'landing',
  'landed',
  'baggage',
  'diverted',
  'boarding',
  'final-call',
  'gate-closed',
  'departed',
]);
export type FlightStatus = z.infer<typeof flightStatusSchema>;

/**
 * The simulator's own flights end their id with this, so it moves only what it created, on every
 * instance; a write through the API may not create such an id (CONTRACT section 3).
 */
export const SIMULATED_ID_SUFFIX = '.sim';

export const isSimulated = (flight: Pick<Flight, 'id'>) => flight.id.endsWith(SIMULATED_ID_SUFFIX);

export interface Airport {
  iata: string;
  city: string;
}

/** One flight on the board: the record of CONTRACT section 3. */
export interface Flight {
  id: string;
  flight: string;
  codeshares: string[];
  airline: string;
  direction: Direction;
  origin: Airport;
  destination: Airport;
  scheduled: string;
  estimated: string | null;
  /** When it landed (arrivals) or departed (departures), once it has. */
  actual: string | null;
  terminal: string | null;
  gate: string | null;
  belt: string | null;
  status: FlightStatus;
  updatedAt: string;
  /** 1 on create, +1 on every change, whoever makes it (CONTRACT section 10). */
  version: number;
}

/** The record in the contract's field order, so every answer and frame reads the same way. */
export function toFlight(fields: Omit<Flight, 'updatedAt' | 'version'>, updatedAt: string, version: number): Flight {
  const { id, flight, codeshares, airline, direction, origin, destination, scheduled, estimated, actual, terminal, gate, belt, status } =
    fields;
  return { id, flight, codeshares, airline, direction, origin, destination, scheduled, estimated, actual, terminal, gate, belt, status, updatedAt, version };
}

/** The version a write gives the flight with this id: one more than the board's, or 1 for a new flight. */
export const nextVersion = (board: ReadonlyMap<string, Flight>, id: string) => (board.get(id)?.version ?? 0) + 1;

/** The airport at the far end of the flight, as the board's from/to column shows it. */
export function remoteAirport(flight: Flight): Airport {
  return flight.direction === 'arrival' ? flight.origin : flight.destination;
}
