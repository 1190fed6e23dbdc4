import { english, type Translate } from '../i18n/translate';
import { formatClock } from '../time/format-clock';
import type { Flight, FlightStatus } from './flight';

const GATE_CLOSES_BEFORE_MS = 10 * 60_000;

/** A status in words, in the language of `t`. */
export const statusWord = (status: FlightStatus, t: Translate = english) => t(`status.${status}`);

/**
 * What a passenger reads in a flight's status column, as on a real board: the status in words, with
 * the time it concerns where it has one (CONTRACT section 5), in the language of `t`. Times are the
 * home airport's `HH:MM`, in every language.
 */
export function remarkOf(flight: Flight, timeZone: string, t: Translate = english): string {
  const at = (iso: string) => formatClock(iso, timeZone);
  switch (flight.status) {
    case 'landed':
      return flight.actual ? t('remark.landedAt', { time: at(flight.actual) }) : statusWord('landed', t);
    case 'departed':
      return flight.actual ? t('remark.departedAt', { time: at(flight.actual) }) : statusWord('departed', t);
    case 'baggage':
      return flight.belt ? t('remark.onBelt', { belt: flight.belt }) : statusWord('baggage', t);
    case 'scheduled':
    case 'delayed':
      if (flight.estimated) return t('remark.expected', { time: at(flight.estimated) });
      if (flight.status === 'scheduled' && flight.direction === 'departure' && flight.gate) {
        return t('remark.gateCloses', { time: at(new Date(Date.parse(flight.scheduled) - GATE_CLOSES_BEFORE_MS).toISOString()) });
      }
      return statusWord(flight.status, t);
    default:
      return statusWord(flight.status, t);
  }
}
