import type { Flight, FlightStatus } from '../flights/flight';
import { canTransition, statusesFor } from '../flights/lifecycle';
import { formatClock } from '../time/format-clock';
import { localTimeNear } from '../time/zoned-time';

/** What an operator edits of a flight: its status, its estimate as the airport's `HH:MM` ('' for none), its gate or belt. */
export interface FlightDraft {
  status: FlightStatus;
  estimated: string;
  place: string;
}

export type EditableChange = Partial<Pick<Flight, 'status' | 'estimated' | 'gate' | 'belt'>>;

const placeField = (flight: Flight) => (flight.direction === 'departure' ? 'gate' : 'belt');

export const draftOf = (flight: Flight, timeZone: string): FlightDraft => ({
  status: flight.status,
  estimated: flight.estimated ? formatClock(flight.estimated, timeZone) : '',
  place: flight[placeField(flight)] ?? '',
});

/** The statuses an operator may pick: the flight's own, and every legal next move from it. */
export const statusChoices = (flight: Flight): FlightStatus[] =>
  statusesFor(flight.direction).filter((status) => status === flight.status || canTransition(flight.direction, flight.status, status));

/** The change a draft makes to the flight it was made from (only what differs), or why it cannot be sent. */
export function changeOf(flight: Flight, draft: FlightDraft, timeZone: string): { change: EditableChange } | { error: string } {
  const change: EditableChange = {};
  if (draft.status !== flight.status) change.status = draft.status;
  const estimate = draft.estimated.trim();
  if (estimate === '') {
    if (flight.estimated !== null) change.estimated = null;
  } else {
    const iso = localTimeNear(estimate, flight.scheduled, timeZone);
    if (iso === null) return { error: `The estimate must be a time such as 15:30, not "${estimate}".` };
    if (iso !== flight.estimated) change.estimated = iso;
  }
  const place = draft.place.trim() || null;
  const field = placeField(flight);
  if (place !== flight[field]) change[field] = place;
  return { change };
}

const FIELD_WORDS: Partial<Record<keyof Flight, string>> = { status: 'status', estimated: 'estimate', gate: 'gate', belt: 'belt', scheduled: 'schedule', actual: 'actual time' };

/** What another change did to a flight since `before`, in words: "gate A1 → B7; status boarding → final-call". */
export function describeOtherChange(before: Flight, now: Flight, timeZone: string): string {
  const shown = (field: keyof Flight, value: Flight[keyof Flight]) => {
    if (value === null || value === '') return '–';
    return (field === 'estimated' || field === 'actual' || field === 'scheduled') && typeof value === 'string' ? formatClock(value, timeZone) : String(value);
  };
  const changed = (Object.keys(FIELD_WORDS) as (keyof Flight)[])
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(now[field]))
    .map((field) => `${FIELD_WORDS[field]} ${shown(field, before[field])} → ${shown(field, now[field])}`);
  return changed.length ? changed.join('; ') : 'a change to fields not shown here';
}
