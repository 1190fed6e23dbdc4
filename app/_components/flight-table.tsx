'use client';

import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { startTransition, useCallback, useEffect, useRef } from 'react';
import type { Tab } from '@/lib/client/board-view';
import { BoardHeaderRow } from './board-header-row';
import { FlightRow } from './flight-row';
import { rowsKeyOf, translatorOf, type BoardTable } from './use-board-table';

const ROW_HEIGHT_ESTIMATE = 49;

/** The board's table: the TanStack table's rows, and only those near the screen in the DOM. */
export function FlightTable({ table, tab, leavingIds }: { table: BoardTable; tab: Tab; leavingIds: ReadonlySet<string> }) {
  const rows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();
  const columnsKey = rowsKeyOf(table);
  const t = translatorOf(table);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    overscan: 12,
    // On the server there is no window: render the first screenful so the HTML already holds it.
    initialRect: { width: 1280, height: 1000 },
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  // The rows' first measurements, as the page hydrates, differ from the estimate on a phone (rows
  // wrap), and the virtualizer re-renders the table for them. Inside hydration's commit that
  // re-render would run synchronously, in the same long task; as a transition it runs after, in
  // slices (issue 20). Later measurements (rows scrolled into view) stay synchronous, so a row is
  // placed right in the frame that shows it.
  const hydrating = useRef(true);
  useEffect(() => {
    hydrating.current = false;
  }, []);
  const measure = useCallback(
    (element: HTMLTableRowElement | null) => (hydrating.current ? startTransition(() => virtualizer.measureElement(element)) : virtualizer.measureElement(element)),
    [virtualizer],
  );
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;

  return (
    <table aria-rowcount={rows.length + 1} className="w-full border-collapse text-left text-sm sm:table-fixed sm:text-base">
      <caption className="sr-only">
        {t(tab === 'arrivals' ? 'board.arrivals' : 'board.departures')}: {rows.length}
      </caption>
      <thead className="text-xs uppercase tracking-wider text-slate-600 dark:text-slate-300">
        <BoardHeaderRow table={table} />
      </thead>
      <tbody>
        {paddingTop > 0 && (
          <tr aria-hidden="true">
            <td colSpan={visibleColumns.length} style={{ height: paddingTop, padding: 0 }} />
          </tr>
        )}
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <FlightRow
              key={row.id}
              row={row}
              columnsKey={columnsKey}
              leaving={leavingIds.has(row.id)}
              index={item.index}
              measure={measure}
            />
          );
        })}
        {paddingBottom > 0 && (
          <tr aria-hidden="true">
            <td colSpan={visibleColumns.length} style={{ height: paddingBottom, padding: 0 }} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
