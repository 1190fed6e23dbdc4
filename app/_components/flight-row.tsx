'use client';

import { memo, useEffect, useRef } from 'react';
import { prefersReducedMotion } from '@/lib/client/use-live-board';
import type { Flight } from '@/lib/flights/flight';
import { BOARD_COLUMNS } from './board-columns';

interface FlightRowProps {
  flight: Flight;
  timeZone: string;
  leaving: boolean;
  index?: number;
  measure?: (element: HTMLTableRowElement | null) => void;
}

/**
 * One flight. Memoised on the flight object, which the reducer keeps for unchanged flights, so an
 * update re-renders only its own row; a change flashes the row briefly (unless motion is reduced).
 */
export const FlightRow = memo(function FlightRow({ flight, timeZone, leaving, index, measure }: FlightRowProps) {
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
      data-flight-id={flight.id}
      data-leaving={leaving || undefined}
      className="flash-row border-b border-slate-200 transition-opacity duration-700 data-[leaving]:opacity-0 motion-reduce:transition-none dark:border-slate-800"
    >
      {BOARD_COLUMNS.map((column) => (
        <td
          key={column.id}
          className={`px-1.5 py-2 align-top break-words sm:px-3 ${column.responsive ?? ''}`}
          data-status={column.id === 'status' ? flight.status : undefined}
        >
          {column.render(flight, timeZone)}
        </td>
      ))}
    </tr>
  );
});
