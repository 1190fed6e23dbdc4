import type { Direction, Flight, FlightStatus } from '../flights/flight';
import { flightStatusSchema } from '../flights/flight';
import { statusesFor } from '../flights/lifecycle';

export type Tab = 'arrivals' | 'departures';
export const SORTABLE_COLUMNS = ['scheduled', 'flight', 'airline', 'place', 'status'] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

/** What the board shows: kept in the URL so a reload or a shared link shows the same rows. */
export interface BoardView {
  tab: Tab;
  q: string;
  status: FlightStatus | null;
  sort: { column: SortColumn; desc: boolean } | null;
  wall: boolean;
}

type Params = { get(name: string): string | null };

export const directionOf = (tab: Tab): Direction => (tab === 'arrivals' ? 'arrival' : 'departure');

/** Reads the view from query parameters; anything unknown falls back to the default. */
export function parseBoardView(params: Params): BoardView {
  const tab: Tab = params.get('tab') === 'departures' ? 'departures' : 'arrivals';
  const status = flightStatusSchema.safeParse(params.get('status')).data ?? null;
  const sortColumn = SORTABLE_COLUMNS.find((column) => column === params.get('sort'));
  return {
    tab,
    q: (params.get('q') ?? '').slice(0, 100),
    status: status && statusesFor(directionOf(tab)).includes(status) ? status : null,
    sort: sortColumn ? { column: sortColumn, desc: params.get('order') === 'desc' } : null,
    wall: params.get('display') === 'wall',
  };
}

/** The query string of a view, leaving out what is the default. */
export function boardViewQuery(view: BoardView): string {
  const params = new URLSearchParams();
  if (view.tab !== 'arrivals') params.set('tab', view.tab);
  if (view.q) params.set('q', view.q);
  if (view.status) params.set('status', view.status);
  if (view.sort) {
    params.set('sort', view.sort.column);
    if (view.sort.desc) params.set('order', 'desc');
  }
  if (view.wall) params.set('display', 'wall');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether a flight matches a search: designator, codeshare, airline, city or IATA code, ignoring case. */
export function matchesSearch(flight: Flight, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [
    flight.flight,
    ...flight.codeshares,
    flight.airline,
    flight.origin.city,
    flight.origin.iata,
    flight.destination.city,
    flight.destination.iata,
  ];
  return haystack.some((value) => value.toLowerCase().includes(needle));
}

/** Designators in natural order (OS41 before OS1554): airline code, then number, then the rest. */
export function compareDesignators(a: string, b: string): number {
  const [airlineA, airlineB] = [a.slice(0, 2), b.slice(0, 2)];
  if (airlineA !== airlineB) return airlineA < airlineB ? -1 : 1;
  const difference = parseInt(a.slice(2), 10) - parseInt(b.slice(2), 10);
  if (difference) return difference;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Airport order: scheduled time, then designator. Plain comparisons: the table sorts with it on every update. */
export function byScheduleThenFlight(a: Flight, b: Flight): number {
  if (a.scheduled !== b.scheduled) return a.scheduled < b.scheduled ? -1 : 1;
  return compareDesignators(a.flight, b.flight);
}
