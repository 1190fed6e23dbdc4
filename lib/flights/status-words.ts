import type { FlightStatus } from './flight';

/** How each status reads on the board and in announcements. */
export const STATUS_WORDS: Record<FlightStatus, string> = {
  scheduled: 'Scheduled',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
  landing: 'Landing',
  landed: 'Landed',
  baggage: 'Baggage',
  diverted: 'Diverted',
  boarding: 'Boarding',
  'final-call': 'Final call',
  'gate-closed': 'Gate closed',
  departed: 'Departed',
};
