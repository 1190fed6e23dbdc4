import { formatClock } from '../time/format-clock';
import type { Flight } from './flight';
import { STATUS_WORDS } from './status-words';

const GATE_CLOSES_BEFORE_MS = 10 * 60_000;

/**
 * What a passenger reads in a flight's status column, as on a real board: the status in words, with
 * the time it concerns where it has one (CONTRACT section 5). Times are the home airport's `HH:MM`.
 */
export function remarkOf(flight: Flight, timeZone: string): string {
  const at = (iso: string) => formatClock(iso, timeZone);
  switch (flight.status) {
    case 'landed':
      return flight.actual ? `Landed ${at(flight.actual)}` : STATUS_WORDS.landed;
    case 'departed':
      return flight.actual ? `Departed ${at(flight.actual)}` : STATUS_WORDS.departed;
    case 'baggage':
      return flight.belt ? `Baggage belt ${flight.belt}` : STATUS_WORDS.baggage;
    case 'scheduled':
    case 'delayed':
      if (flight.estimated) return `Expected ${at(flight.estimated)}`;
      if (flight.status === 'scheduled' && flight.direction === 'departure' && flight.gate) {
        return `Gate closes ${at(new Date(Date.parse(flight.scheduled) - GATE_CLOSES_BEFORE_MS).toISOString())}`;
      }
      return STATUS_WORDS[flight.status];
    default:
      return STATUS_WORDS[flight.status];
  }
}
