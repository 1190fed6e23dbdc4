import type { FlightStatus } from '@/lib/flights/flight';

// Each status has its own hue and always its word; every pair keeps 4.5:1 contrast or more in the
// light theme (dark text on white) and the dark one (light text on slate-950).
const STATUS_STYLES: Record<FlightStatus, string> = {
  scheduled: 'text-slate-700 border-slate-500 dark:text-slate-200 dark:border-slate-500',
  delayed: 'text-amber-800 border-amber-600 dark:text-amber-300 dark:border-amber-400',
  cancelled: 'text-red-800 border-red-600 dark:text-red-300 dark:border-red-400',
  landing: 'text-sky-800 border-sky-600 dark:text-sky-300 dark:border-sky-400',
  landed: 'text-emerald-800 border-emerald-600 dark:text-emerald-300 dark:border-emerald-400',
  baggage: 'text-teal-900 border-teal-700 dark:text-teal-100 dark:border-teal-300',
  diverted: 'text-fuchsia-800 border-fuchsia-600 dark:text-fuchsia-300 dark:border-fuchsia-400',
  boarding: 'text-lime-900 border-lime-700 dark:text-lime-300 dark:border-lime-400',
  'final-call': 'text-orange-800 border-orange-600 dark:text-orange-300 dark:border-orange-400',
  'gate-closed': 'text-rose-900 border-rose-700 dark:text-rose-200 dark:border-rose-400',
  departed: 'text-indigo-800 border-indigo-600 dark:text-indigo-200 dark:border-indigo-300',
};

/** The remark a passenger reads, in its status's colour: the same words for eyes and screen readers. */
export function StatusBadge({ status, remark }: { status: FlightStatus; remark: string }) {
  return (
    <span
      className={`inline-block rounded border px-1.5 py-0.5 text-sm font-semibold sm:px-2 sm:tracking-wide ${STATUS_STYLES[status]}`}
    >
      {remark}
    </span>
  );
}
