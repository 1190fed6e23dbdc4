import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFns,
  globalFilteringFeature,
  rowSortingFeature,
  sortFns,
  tableFeatures,
  type Row,
} from '@tanstack/react-table';
import { byScheduleThenFlight, compareDesignators, matchesSearch } from '@/lib/client/board-view';
import { remoteAirport, type Flight } from '@/lib/flights/flight';
import { remarkOf } from '@/lib/flights/remark';
import type { Language } from '@/lib/i18n/languages';
import type { MessageKey } from '@/lib/i18n/messages';
import { translator } from '@/lib/i18n/translate';
import { formatClock } from '@/lib/time/format-clock';
import { StatusBadge } from './status-badge';

/** What each column carries beyond TanStack's own definition. */
export interface BoardColumnMeta {
  /** Share of the table's width from small screens up: fixed widths keep the layout from reflowing on every update. */
  width?: string;
  /**
   * Tailwind classes that hide the column on narrow screens. CSS alone decides, on the server's HTML
   * and after hydration alike: a visibility that depended on the viewport's width would make the
   * first client render differ from the server's and re-render every row synchronously after
   * hydration (issue 20 measured that at about 100 ms of blocking on a phone).
   */
  responsive?: string;
}

/** The home airport's time zone, for the cells that show times, and the language the board speaks now. */
export interface BoardTableMeta {
  timeZone: string;
  language: Language;
}

// Module scope keeps these stable: a live update changes the data, never the table's setup.
export const boardFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns,
  filterFns,
  columnMeta: {} as BoardColumnMeta,
  tableMeta: {} as BoardTableMeta,
});

type BoardRow = Row<typeof boardFeatures, Flight>;

// Every sort falls back on airport order (scheduled time, then designator in natural order), so
// flights that tie in the chosen column still read as the airport lists them.
const thenAirportOrder = (compare: (a: Flight, b: Flight) => number) => (a: BoardRow, b: BoardRow) =>
  compare(a.original, b.original) || byScheduleThenFlight(a.original, b.original);
const text = (value: (flight: Flight) => string) => thenAirportOrder((a, b) => value(a).localeCompare(value(b)));

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

const column = createColumnHelper<typeof boardFeatures, Flight>();

/** A header in the language the board speaks now. */
const say = (table: { options: { meta?: BoardTableMeta } }, key: MessageKey) => translator(table.options.meta!.language)(key);

/** A terminal, gate or belt: shown as written or a dash, not sorted, and giving way on a phone. */
function placeColumn(field: 'terminal' | 'gate' | 'belt', header: MessageKey, width: string) {
  return column.accessor(field, {
    id: field,
    header: ({ table }) => say(table, header),
    cell: ({ row }) => row.original[field] ?? '–',
    enableSorting: false,
    meta: { width, responsive: 'hidden sm:table-cell' },
  });
}

/** The board's one column list: headers, cells, sorting, filtering and which screens show what. */
export const BOARD_COLUMNS = column.columns([
  column.accessor('scheduled', {
    id: 'scheduled',
    header: ({ table }) => say(table, 'column.time'),
    cell: ({ row, table }) => <TimeCell flight={row.original} timeZone={table.options.meta!.timeZone} />,
    sortFn: thenAirportOrder(byScheduleThenFlight),
    meta: { width: 'sm:w-[13%]' },
  }),
  column.accessor('flight', {
    id: 'flight',
    header: ({ table }) => say(table, 'column.flight'),
    cell: ({ row }) => (
      <>
        <span className="font-bold">{row.original.flight}</span>
        {row.original.codeshares.length > 0 && (
          <span className="block text-xs text-slate-600 dark:text-slate-400">{row.original.codeshares.join(' ')}</span>
        )}
      </>
    ),
    sortFn: thenAirportOrder((a, b) => compareDesignators(a.flight, b.flight)),
    // The search covers designator, codeshares, airline, cities and codes: one filter on the row.
    enableGlobalFilter: true,
    meta: { width: 'sm:w-[14%]' },
  }),
  column.accessor('airline', {
    id: 'airline',
    header: ({ table }) => say(table, 'column.airline'),
    cell: ({ row }) => row.original.airline,
    sortFn: text((flight) => flight.airline),
    meta: { width: 'sm:w-[19%]', responsive: 'hidden md:table-cell' },
  }),
  column.accessor((flight) => remoteAirport(flight).city, {
    id: 'place',
    header: ({ table }) => say(table, table.getColumn('direction')?.getFilterValue() === 'arrival' ? 'column.from' : 'column.to'),
    cell: ({ row }) => {
      const airport = remoteAirport(row.original);
      return (
        <>
          {airport.city} <span className="text-slate-600 dark:text-slate-400">{airport.iata}</span>
        </>
      );
    },
    sortFn: text((flight) => remoteAirport(flight).city),
    meta: { width: 'sm:w-[21%]' },
  }),
  placeColumn('terminal', 'column.terminal', 'sm:w-[9%]'),
  // Arrivals show the belt, departures the gate (the table's column visibility).
  placeColumn('gate', 'column.gate', 'sm:w-[8%]'),
  placeColumn('belt', 'column.belt', 'sm:w-[8%]'),
  column.accessor('status', {
    id: 'status',
    header: ({ table }) => say(table, 'column.status'),
    cell: ({ row, table }) => {
      const { timeZone, language } = table.options.meta!;
      return <StatusBadge status={row.original.status} remark={remarkOf(row.original, timeZone, translator(language))} />;
    },
    sortFn: text((flight) => flight.status),
    filterFn: 'equals',
    meta: { width: 'sm:w-[16%]' },
  }),
  // The tab: never shown, only filtered on.
  column.accessor('direction', { id: 'direction', filterFn: 'equals', enableSorting: false }),
]);

/** The search of the `Search flights` field, over the whole flight. */
export const searchFlights = (row: BoardRow, _columnId: string, query: string) => matchesSearch(row.original, query);
