import type { ColumnFiltersState, SortingState, Updater } from '@tanstack/react-table';
import { directionOf, SORTABLE_COLUMNS, type BoardView, type SortColumn } from '@/lib/client/board-view';
import type { Flight } from '@/lib/flights/flight';
import type { Language } from '@/lib/i18n/languages';
import { BOARD_COLUMNS, boardFeatures, searchFlights } from './board-columns';

// Airport practice when the user has chosen nothing: by scheduled time (then designator).
const DEFAULT_SORTING: SortingState = [{ id: 'scheduled', desc: false }];

const isSortColumn = (id: string): id is SortColumn => (SORTABLE_COLUMNS as readonly string[]).includes(id);

/**
 * The board's table options for a view: the view (tab, search, status, sort; all in the URL) is the
 * table's state, so the table filters and sorts the rows once. Which columns a narrow screen hides
 * is CSS's business (the columns' `responsive` classes), not the table's.
 */
export function boardTableOptions({
  flights,
  view,
  timeZone,
  language,
  onSortChange,
}: {
  flights: Flight[];
  view: BoardView;
  timeZone: string;
  language: Language;
  onSortChange: (sort: BoardView['sort']) => void;
}) {
  const sorting: SortingState = view.sort ? [{ id: view.sort.column, desc: view.sort.desc }] : DEFAULT_SORTING;
  const columnFilters: ColumnFiltersState = [
    { id: 'direction', value: directionOf(view.tab) },
    ...(view.status ? [{ id: 'status', value: view.status }] : []),
  ];
  const columnVisibility = {
    direction: false,
    // Arrivals show the baggage belt, departures the gate.
    gate: view.tab === 'departures',
    belt: view.tab === 'arrivals',
  };
  return {
    features: boardFeatures,
    columns: BOARD_COLUMNS,
    data: flights,
    getRowId: (flight: Flight) => flight.id,
    state: { sorting, columnFilters, globalFilter: view.q, columnVisibility },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === 'function' ? updater(sorting) : updater;
      // Ascending, descending, then back to the airport's order.
      onSortChange(next && isSortColumn(next.id) ? { column: next.id, desc: next.desc } : null);
    },
    globalFilterFn: searchFlights,
    getColumnCanGlobalFilter: (column: { id: string }) => column.id === 'flight',
    meta: { timeZone, language },
  };
}
