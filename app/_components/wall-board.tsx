'use client';

import { useEffect, useState } from 'react';
import type { BoardView } from '@/lib/client/board-view';
import type { Flight } from '@/lib/flights/flight';
import type { BoardTime } from '@/lib/time/board-time';
import { AirportClock } from './airport-clock';
import { BOARD_COLUMNS } from './board-columns';
import { FlightRow } from './flight-row';

const PAGE_MS = 10_000;
const ROWS_PER_PAGE = 12;

const byTime = (a: Flight, b: Flight) => a.scheduled.localeCompare(b.scheduled) || a.flight.localeCompare(b.flight);

/** The wall display: large type, no controls but a pause, pages turning by themselves. */
export function WallBoard({ flights, view, timeZone, boardTime }: { flights: Flight[]; view: BoardView; timeZone: string; boardTime: BoardTime }) {
  const [page, setPage] = useState(0);
  const [paused, setPaused] = useState(false);
  const pages = Math.max(1, Math.ceil(flights.length / ROWS_PER_PAGE));
  const current = page % pages;

  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => setPage((n) => n + 1), PAGE_MS);
    return () => clearInterval(timer);
  }, [paused]);

  const shown = [...flights].sort(byTime).slice(current * ROWS_PER_PAGE, (current + 1) * ROWS_PER_PAGE);
  return (
    <section aria-label="Flight board, wall display" className="flex flex-col gap-4 text-2xl">
      <div className="flex items-center justify-between text-3xl font-bold">
        <h2>{view.tab === 'arrivals' ? 'Arrivals' : 'Departures'}</h2>
        <AirportClock timeZone={timeZone} boardTime={boardTime} />
      </div>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{view.tab === 'arrivals' ? 'Arrivals' : 'Departures'}</caption>
        <thead className="text-base uppercase tracking-wider text-slate-600 dark:text-slate-300">
          <tr>
            {BOARD_COLUMNS.map((column) => (
              <th key={column.id} scope="col" className="border-b border-slate-300 px-3 py-2 dark:border-slate-700">
                {column.header(view.tab)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((flight) => (
            <FlightRow key={flight.id} flight={flight} timeZone={timeZone} leaving={false} />
          ))}
        </tbody>
      </table>
      <div className="flex items-center justify-between text-lg">
        <p aria-live="polite">
          Page {current + 1} of {pages}
        </p>
        <button
          type="button"
          onClick={() => setPaused((value) => !value)}
          className="rounded border border-slate-500 px-4 py-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
        >
          {paused ? 'Resume paging' : 'Pause paging'}
        </button>
      </div>
    </section>
  );
}
