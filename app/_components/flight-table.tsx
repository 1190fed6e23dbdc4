'use client';

import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFns,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useMemo } from 'react';
import type { BoardView, SortColumn } from '@/lib/client/board-view';
import { remoteAirport, type Flight } from '@/lib/flights/flight';
import { BOARD_COLUMNS } from './board-columns';
import { FlightRow } from './flight-row';

// Module scope keeps these stable: a live update changes the data, never the table's setup.
const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns });
const column = createColumnHelper<typeof features, Flight>();
const columns = column.columns([
  column.accessor('scheduled', { id: 'scheduled' }),
  column.accessor('flight', { id: 'flight' }),
  column.accessor('airline', { id: 'airline' }),
  column.accessor((flight) => remoteAirport(flight).city, { id: 'place' }),
  column.accessor('status', { id: 'status' }),
]);

// Airport practice: by scheduled time, then by flight number.
const DEFAULT_SORTING: SortingState = [
  { id: 'scheduled', desc: false },
  { id: 'flight', desc: false },
];

const ROW_HEIGHT_ESTIMATE = 49;

function sortingOf(view: BoardView): SortingState {
  return view.sort ? [{ id: view.sort.column, desc: view.sort.desc }, ...DEFAULT_SORTING] : DEFAULT_SORTING;
}

/** The board's table: sorted by TanStack Table, and only the rows near the screen in the DOM. */
export function FlightTable({
  flights,
  leavingIds,
  view,
  timeZone,
  onSort,
}: {
  flights: Flight[];
  leavingIds: ReadonlySet<string>;
  view: BoardView;
  timeZone: string;
  onSort: (column: SortColumn) => void;
}) {
  const sorting = useMemo(() => sortingOf(view), [view]);
  const table = useTable({
    features,
    columns,
    data: flights,
    getRowId: (flight) => flight.id,
    state: { sorting },
    enableSortingRemoval: false,
  });
  const rows = table.getRowModel().rows;

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    overscan: 12,
    // On the server there is no window: render the first screenful so the HTML already holds it.
    initialRect: { width: 1280, height: 1000 },
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;
  const sortedColumn = sorting[0]!;

  return (
    <table className="w-full border-collapse text-left text-sm sm:table-fixed sm:text-base">
      <caption className="sr-only">
        {view.tab === 'arrivals' ? 'Arrivals' : 'Departures'}: {rows.length} flights
      </caption>
      <thead className="text-xs uppercase tracking-wider text-slate-600 dark:text-slate-300">
        <tr>
          {BOARD_COLUMNS.map((boardColumn) => {
            const sorted = boardColumn.sortId === sortedColumn.id;
            const label = boardColumn.header(view.tab);
            return (
              <th
                key={boardColumn.id}
                scope="col"
                aria-sort={sorted ? (sortedColumn.desc ? 'descending' : 'ascending') : undefined}
                className={`border-b border-slate-300 px-1.5 py-2 sm:px-3 dark:border-slate-700 ${boardColumn.width} ${boardColumn.responsive ?? ''}`}
              >
                {boardColumn.sortId ? (
                  <button
                    type="button"
                    onClick={() => onSort(boardColumn.sortId!)}
                    className="inline-flex items-center gap-1 rounded uppercase focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
                  >
                    {label}
                    <span aria-hidden="true">{sorted ? (sortedColumn.desc ? '▼' : '▲') : '↕'}</span>
                  </button>
                ) : (
                  label
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {paddingTop > 0 && (
          <tr aria-hidden="true">
            <td colSpan={BOARD_COLUMNS.length} style={{ height: paddingTop, padding: 0 }} />
          </tr>
        )}
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <FlightRow
              key={row.id}
              flight={row.original}
              timeZone={timeZone}
              leaving={leavingIds.has(row.id)}
              index={item.index}
              measure={virtualizer.measureElement}
            />
          );
        })}
        {paddingBottom > 0 && (
          <tr aria-hidden="true">
            <td colSpan={BOARD_COLUMNS.length} style={{ height: paddingBottom, padding: 0 }} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
