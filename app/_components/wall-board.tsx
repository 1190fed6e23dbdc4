'use client';

import { useEffect, useState } from 'react';
import type { Tab } from '@/lib/client/board-view';
import type { BoardTime } from '@/lib/time/board-time';
import { AirportClock } from './airport-clock';
import { BoardHeaderRow } from './board-header-row';
import { FlightRow } from './flight-row';
import { rowsKeyOf, translatorOf, type BoardTable } from './use-board-table';

const DEFAULT_PAGE_SECONDS = 10;
const ROWS_PER_PAGE = 12;

/**
 * The wall display: large type, no controls but a pause, pages turning by themselves through the
 * table's rows, in the order the user chose.
 */
export function WallBoard({
  table,
  tab,
  timeZone,
  boardTime,
  pageSeconds = DEFAULT_PAGE_SECONDS,
}: {
  table: BoardTable;
  tab: Tab;
  timeZone: string;
  boardTime: BoardTime;
  pageSeconds?: number;
}) {
  const [page, setPage] = useState(0);
  const [paused, setPaused] = useState(false);
  const rows = table.getRowModel().rows;
  const columnsKey = rowsKeyOf(table);
  const t = translatorOf(table);
  const heading = t(tab === 'arrivals' ? 'board.arrivals' : 'board.departures');
  const pages = Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE));
  const current = page % pages;

  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => setPage((n) => n + 1), pageSeconds * 1000);
    return () => clearInterval(timer);
  }, [paused, pageSeconds]);

  const first = current * ROWS_PER_PAGE;
  const shown = rows.slice(first, first + ROWS_PER_PAGE);
  return (
    <section aria-label="Flight board, wall display" className="flex flex-col gap-4 text-2xl">
      <div className="flex items-center justify-between text-3xl font-bold">
        <h2>{heading}</h2>
        <AirportClock timeZone={timeZone} boardTime={boardTime} />
      </div>
      <table aria-rowcount={rows.length + 1} className="w-full border-collapse text-left">
        <caption className="sr-only">{heading}</caption>
        <thead className="text-base uppercase tracking-wider text-slate-600 dark:text-slate-300">
          <BoardHeaderRow table={table} sortable={false} />
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <FlightRow key={row.id} row={row} columnsKey={columnsKey} leaving={false} index={first + i} />
          ))}
        </tbody>
      </table>
      <div className="flex items-center justify-between text-lg">
        <p aria-live="polite">
          {t('board.page', { page: current + 1, pages })}
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
