import { z } from 'zod';

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
  terminal: string | null;
  gate: string | null;
  belt: string | null;
  status: FlightStatus;
  updatedAt: string;
}

/** The airport at the far end of the flight, as the board's from/to column shows it. */
export function remoteAirport(flight: Flight): Airport {
  return flight.direction === 'arrival' ? flight.origin : flight.destination;
}
