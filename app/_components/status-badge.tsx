import type { FlightStatus } from '@/lib/flights/flight';

// Every colour keeps at least 4.5:1 contrast on the board's dark background; the word is always shown too.
const STATUS_STYLES: Record<FlightStatus, string> = {
  scheduled: 'text-slate-200 border-slate-500',
  delayed: 'text-amber-300 border-amber-400',
  cancelled: 'text-red-300 border-red-400',
  landing: 'text-sky-300 border-sky-400',
  landed: 'text-emerald-300 border-emerald-400',
  baggage: 'text-teal-200 border-teal-300',
  diverted: 'text-fuchsia-300 border-fuchsia-400',
  boarding: 'text-lime-300 border-lime-400',
  'final-call': 'text-orange-300 border-orange-400',
  'gate-closed': 'text-rose-300 border-rose-400',
  departed: 'text-indigo-200 border-indigo-300',
};

const STATUS_WORDS: Record<FlightStatus, string> = {
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

export function StatusBadge({ status }: { status: FlightStatus }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold uppercase tracking-wide ${STATUS_STYLES[status]}`}>
      {STATUS_WORDS[status]}
    </span>
  );
}
