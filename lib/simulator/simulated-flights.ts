import type { Airport, Direction, Flight, FlightStatus } from '../flights/flight';
import type { AirlineInfo } from '../reference/reference-data';
import type { Random } from './clock';

export interface Cast {
  home: Airport;
  airports: Airport[];
  airlines: AirlineInfo[];
}

const MINUTE = 60_000;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function between(random: Random, min: number, max: number) {
  return min + Math.floor(random() * (max - min + 1));
}

function designator(random: Random, airline: AirlineInfo) {
  return `${airline.iata}${between(random, 1, 2999)}`;
}

/** A new flight for the board, scheduled `inMinutes` from now, with real airports and airlines. */
export function newFlight(random: Random, cast: Cast, now: number, inMinutes: number): Flight {
  const direction: Direction = random() < 0.5 ? 'arrival' : 'departure';
  const airline = pick(random, cast.airlines);
  const partner = pick(random, cast.airlines);
  const flight = designator(random, airline);
  const remote = pick(random, cast.airports.filter((airport) => airport.iata !== cast.home.iata));
  const scheduled = new Date(Math.round((now + inMinutes * MINUTE) / (5 * MINUTE)) * 5 * MINUTE);
  return {
    id: `${flight}-${scheduled.toISOString().slice(0, 10)}`,
    flight,
    codeshares: partner.iata !== airline.iata && random() < 0.4 ? [designator(random, partner)] : [],
    airline: airline.name,
    direction,
    origin: direction === 'arrival' ? remote : cast.home,
    destination: direction === 'arrival' ? cast.home : remote,
    scheduled: scheduled.toISOString(),
    estimated: null,
    terminal: String(between(random, 2, 5)),
    gate: direction === 'departure' ? `${pick(random, ['A', 'B', 'C'])}${between(random, 1, 40)}` : null,
    belt: null,
    status: 'scheduled',
    updatedAt: new Date(now).toISOString(),
  };
}

const ARRIVAL_NEXT: Partial<Record<FlightStatus, FlightStatus>> = {
  scheduled: 'landing',
  delayed: 'landing',
  landing: 'landed',
  landed: 'baggage',
};
const DEPARTURE_NEXT: Partial<Record<FlightStatus, FlightStatus>> = {
  scheduled: 'boarding',
  delayed: 'boarding',
  boarding: 'final-call',
  'final-call': 'gate-closed',
  'gate-closed': 'departed',
};

/** The flight after one simulated change: usually its next step, sometimes a delay, a cancellation or a diversion. */
export function advance(random: Random, flight: Flight, now: number): Flight {
  const updatedAt = new Date(now).toISOString();
  const roll = random();
  if (flight.status === 'scheduled' && roll < 0.15) {
    const estimated = new Date(Date.parse(flight.scheduled) + between(random, 3, 12) * 5 * MINUTE);
    return { ...flight, status: 'delayed', estimated: estimated.toISOString(), updatedAt };
  }
  if ((flight.status === 'scheduled' || flight.status === 'delayed') && roll > 0.98) {
    return { ...flight, status: 'cancelled', updatedAt };
  }
  if (flight.status === 'landing' && roll > 0.99) {
    return { ...flight, status: 'diverted', updatedAt };
  }
  const next = (flight.direction === 'arrival' ? ARRIVAL_NEXT : DEPARTURE_NEXT)[flight.status];
  if (!next) return flight;
  const belt = next === 'landed' ? String(between(random, 1, 12)) : flight.belt;
  return { ...flight, status: next, belt, updatedAt };
}
