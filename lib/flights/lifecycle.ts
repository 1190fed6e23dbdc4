import type { Direction, FlightStatus } from './flight';

// Position along each direction's progression; scheduled and delayed share the start.
const ARRIVAL_STEPS: Partial<Record<FlightStatus, number>> = {
  scheduled: 0,
  delayed: 0,
  landing: 1,
  landed: 2,
  baggage: 3,
};
const DEPARTURE_STEPS: Partial<Record<FlightStatus, number>> = {
  scheduled: 0,
  delayed: 0,
  boarding: 1,
  'final-call': 2,
  'gate-closed': 3,
  departed: 4,
};

const FINAL_STATUSES: ReadonlySet<FlightStatus> = new Set(['baggage', 'departed', 'cancelled', 'diverted']);

function stepsFor(direction: Direction) {
  return direction === 'arrival' ? ARRIVAL_STEPS : DEPARTURE_STEPS;
}

/** Every status a flight of this direction may have. */
export function statusesFor(direction: Direction): FlightStatus[] {
  const own = Object.keys(stepsFor(direction)) as FlightStatus[];
  return [...own, 'cancelled', ...(direction === 'arrival' ? (['diverted'] as const) : [])];
}

/** Whether the status belongs to the direction at all. */
export function isStatusOf(direction: Direction, status: FlightStatus): boolean {
  return statusesFor(direction).includes(status);
}

/** A final status: the flight leaves the board after the retention time. */
export function isFinal(status: FlightStatus): boolean {
  return FINAL_STATUSES.has(status);
}

// Statuses that mean the aircraft has landed or left: from these on a flight has an `actual` time.
const AFTER_TOUCHDOWN_OR_TAKEOFF: ReadonlySet<FlightStatus> = new Set(['landed', 'baggage', 'departed']);

/**
 * `actual` once a flight has landed or departed: the one the write gave, else `now` (the board's
 * time of the write). Other flights keep what they have.
 */
export function settleActual(status: FlightStatus, actual: string | null, now: number): string | null {
  if (actual !== null || !AFTER_TOUCHDOWN_OR_TAKEOFF.has(status)) return actual;
  return new Date(now).toISOString();
}

/** Whether a flight may move from one status to another (CONTRACT section 3). */
export function canTransition(direction: Direction, from: FlightStatus, to: FlightStatus): boolean {
  if (!isStatusOf(direction, to) || !isStatusOf(direction, from)) return false;
  if (from === to) return true;
  if (from === 'cancelled') return to === 'scheduled';
  if (isFinal(from)) return false;
  if (to === 'diverted') return from === 'landing';
  const steps = stepsFor(direction);
  const fromStep = steps[from] ?? 0;
  // Cancellation is possible until the aircraft lands or leaves.
  if (to === 'cancelled') return fromStep < (direction === 'arrival' ? 1 : 4);
  const toStep = steps[to] ?? 0;
  if (toStep > fromStep) return true;
  if (toStep === 0 && fromStep === 0) return true;
  return from === 'gate-closed' && to === 'boarding';
}
