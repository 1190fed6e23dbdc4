'use client';

import { flexRender, type Row } from '@tanstack/react-table';
import { memo, useEffect, useRef } from 'react';
import { prefersReducedMotion } from '@/lib/client/use-live-board';
import type { Flight } from '@/lib/flights/flight';
import type { boardFeatures } from './board-columns';

interface FlightRowProps {
  row: Row<typeof boardFeatures, Flight>;
  /** The visible columns' ids: a change of tab or screen width re-renders the row. */
  columnsKey: string;
  leaving: boolean;
  /** Position among all the table's rows (0-based), for aria-rowindex. */
  index: number;
  measure?: (element: HTMLTableRowElement | null) => void;
}

/**
 * One flight, its cells from the table's column definitions. Memoised on the flight object, which
 * the reducer keeps for unchanged flights, so an update re-renders only its own row; a change
 * flashes the row briefly (unless motion is reduced).
 */
export const FlightRow = memo(
  function FlightRow({ row, leaving, index, measure }: FlightRowProps) {
    const flight = row.original;
    const rowRef = useRef<HTMLTableRowElement | null>(null);
    const seenUpdate = useRef(flight.updatedAt);

    useEffect(() => {
      if (seenUpdate.current === flight.updatedAt) return;
      seenUpdate.current = flight.updatedAt;
      if (prefersReducedMotion()) return;
      // Opacity of an overlay runs on the compositor; animating the row's colour would repaint it every frame.
      rowRef.current?.animate([{ opacity: 1 }, { opacity: 0 }], { duration: 1600, easing: 'ease-out', pseudoElement: '::after' });
    }, [flight.updatedAt]);

    return (
      <tr
        ref={(element) => {
          rowRef.current = element;
          measure?.(element);
        }}
        data-index={index}
        aria-rowindex={index + 2}
        data-flight-id={flight.id}
        data-leaving={leaving || undefined}
        className="flash-row border-b border-slate-200 transition-opacity duration-700 data-[leaving]:opacity-0 motion-reduce:transition-none dark:border-slate-800"
      >
        {row.getVisibleCells().map((cell) => (
          <td
            key={cell.id}
            className={`px-1.5 py-2 align-top break-words sm:px-3 ${cell.column.columnDef.meta?.responsive ?? ''}`}
            data-status={cell.column.id === 'status' ? flight.status : undefined}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))}
      </tr>
    );
  },
  (before, after) =>
    before.row.original === after.row.original &&
    before.columnsKey === after.columnsKey &&
    before.leaving === after.leaving &&
    before.index === after.index &&
    before.measure === after.measure,
);
