import { SIMULATED_ID_SUFFIX, toFlight, type Airport, type Direction, type Flight } from '../flights/flight';
import type { AirlineInfo } from '../reference/reference-data';
import type { Random } from './random';
import { planOf, stateAt } from './timeline';

export interface Cast {
  home: Airport;
  airports: Airport[];
  airlines: AirlineInfo[];
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function designator(random: Random, airline: AirlineInfo) {
  return `${airline.iata}${1 + Math.floor(random() * 2999)}`;
}

/**
 * A new flight scheduled at `scheduled` (board time), with real airports and airlines, as it stands at
 * board time `now` by its timeline: a flight of an hour ago has landed or departed already.
 */
export function newFlight(random: Random, cast: Cast, scheduled: number, now: number, updatedAt: string): Flight {
  const direction: Direction = random() < 0.5 ? 'arrival' : 'departure';
  const airline = pick(random, cast.airlines);
  const partner = pick(random, cast.airlines);
  const flight = designator(random, airline);
  const remote = pick(random, cast.airports.filter((airport) => airport.iata !== cast.home.iata));
  const scheduledIso = new Date(scheduled).toISOString();
  const id = `${flight}-${scheduledIso.slice(0, 10)}${SIMULATED_ID_SUFFIX}`;
  const state = stateAt({ direction, scheduled: scheduledIso }, planOf({ id, direction, scheduled: scheduledIso }), now);
  return toFlight(
    {
      id,
      flight,
      codeshares: partner.iata !== airline.iata && random() < 0.4 ? [designator(random, partner)] : [],
      airline: airline.name,
      direction,
      origin: direction === 'arrival' ? remote : cast.home,
      destination: direction === 'arrival' ? cast.home : remote,
      scheduled: scheduledIso,
      terminal: String(2 + Math.floor(random() * 4)),
      ...state,
    },
    updatedAt,
    1,
  );
}
