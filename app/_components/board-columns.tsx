import type { ReactNode } from 'react';
import { formatClock } from '@/lib/time/format-clock';
import type { SortColumn, Tab } from '@/lib/client/board-view';
import { remoteAirport, type Flight } from '@/lib/flights/flight';
import { remarkOf } from '@/lib/flights/remark';
import { StatusBadge } from './status-badge';

/** One column of the board: its header, how its cell reads, and which screens show it. */
export interface BoardColumn {
  id: string;
  header: (tab: Tab) => string;
  sortId?: SortColumn;
  /** Tailwind classes that hide the column on narrow screens, so a phone keeps time, flight and status. */
  responsive?: string;
  /** Share of the table's width from small screens up: fixed widths keep the layout from reflowing on every update. */
  width: string;
  render: (flight: Flight, timeZone: string) => ReactNode;
}

function TimeCell({ flight, timeZone }: { flight: Flight; timeZone: string }) {
  const scheduled = formatClock(flight.scheduled, timeZone);
  const estimated = flight.estimated ? formatClock(flight.estimated, timeZone) : null;
  if (!estimated || estimated === scheduled) return <span className="tabular-nums">{scheduled}</span>;
  return (
    <span className="tabular-nums">
      <s className="text-slate-500 dark:text-slate-400" aria-label={`scheduled ${scheduled}`}>
        {scheduled}
      </s>{' '}
      <span className="font-bold text-amber-800 dark:text-amber-300" aria-label={`expected ${estimated}`}>
        {estimated}
      </span>
    </span>
  );
}

export const BOARD_COLUMNS: BoardColumn[] = [
  {
    id: 'scheduled',
    width: 'sm:w-[13%]',
    sortId: 'scheduled',
    header: () => 'Time',
    render: (flight, timeZone) => <TimeCell flight={flight} timeZone={timeZone} />,
  },
  {
    id: 'flight',
    width: 'sm:w-[14%]',
    sortId: 'flight',
    header: () => 'Flight',
    render: (flight) => (
      <>
        <span className="font-bold">{flight.flight}</span>
        {flight.codeshares.length > 0 && (
          <span className="block text-xs text-slate-600 dark:text-slate-400">{flight.codeshares.join(' ')}</span>
        )}
      </>
    ),
  },
  {
    id: 'airline',
    width: 'sm:w-[19%]',
    sortId: 'airline',
    header: () => 'Airline',
    responsive: 'hidden md:table-cell',
    render: (flight) => flight.airline,
  },
  {
    id: 'place',
    width: 'sm:w-[21%]',
    sortId: 'place',
    header: (tab) => (tab === 'arrivals' ? 'From' : 'To'),
    render: (flight) => {
      const airport = remoteAirport(flight);
      return (
        <>
          {airport.city} <span className="text-slate-600 dark:text-slate-400">{airport.iata}</span>
        </>
      );
    },
  },
  {
    id: 'terminal',
    width: 'sm:w-[9%]',
    header: () => 'Terminal',
    responsive: 'hidden sm:table-cell',
    render: (flight) => flight.terminal ?? '–',
  },
  {
    id: 'gateOrBelt',
    width: 'sm:w-[8%]',
    header: (tab) => (tab === 'arrivals' ? 'Belt' : 'Gate'),
    responsive: 'hidden sm:table-cell',
    render: (flight) => (flight.direction === 'arrival' ? flight.belt : flight.gate) ?? '–',
  },
  {
    id: 'status',
    width: 'sm:w-[16%]',
    sortId: 'status',
    header: () => 'Status',
    render: (flight, timeZone) => <StatusBadge status={flight.status} remark={remarkOf(flight, timeZone)} />,
  },
];
