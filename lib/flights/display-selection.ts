import { compareCodePoints } from '../text/compare';
import type { Flight, FlightStatus } from './flight';

const expectedAt = (flight: Flight) => Date.parse(flight.estimated ?? flight.scheduled);
const byExpectedTime = (a: Flight, b: Flight) => expectedAt(a) - expectedAt(b) || compareCodePoints(a.id, b.id);

/**
 * What a gate's screen shows (CONTRACT section 8): the next departure at that gate that has not
 * left. A cancelled flight stays until the board drops it, so passengers at the gate read why.
 */
export function nextDepartureAtGate(flights: Iterable<Flight>, gate: string): Flight | undefined {
  return [...flights]
    .filter((flight) => flight.direction === 'departure' && flight.gate === gate && flight.status !== 'departed')
    .sort(byExpectedTime)[0];
}

// Bags on the belt first, then the flights whose bags come next.
const BELT_ORDER: Partial<Record<FlightStatus, number>> = { baggage: 0, landed: 1, landing: 2 };

const arrivedAt = (flight: Flight) => Date.parse(flight.actual ?? flight.estimated ?? flight.scheduled);

/** What a baggage belt's screen shows: the arrivals whose bags are on it, then those next on it. */
export function arrivalsOnBelt(flights: Iterable<Flight>, belt: string): Flight[] {
  return [...flights]
    .filter((flight) => flight.direction === 'arrival' && flight.belt === belt && BELT_ORDER[flight.status] !== undefined)
    .sort((a, b) => BELT_ORDER[a.status]! - BELT_ORDER[b.status]! || arrivedAt(a) - arrivedAt(b) || compareCodePoints(a.id, b.id));
}
