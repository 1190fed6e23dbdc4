'use client';

import {
  createColumnHelper,
  createSortedRowModel,
  FlexRender,
  rowSortingFeature,
  sortFns,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { createContext, useContext } from 'react';
import { formatClock } from '@/lib/client/format-time';
import { remoteAirport, type Flight } from '@/lib/flights/flight';
import { StatusBadge } from './status-badge';

const TimeZoneContext = createContext('UTC');

function TimeCell({ flight }: { flight: Flight }) {
  const timeZone = useContext(TimeZoneContext);
  const scheduled = formatClock(flight.scheduled, timeZone);
  const estimated = flight.estimated ? formatClock(flight.estimated, timeZone) : null;
  if (!estimated || estimated === scheduled) return <span className="tabular-nums">{scheduled}</span>;
  return (
    <span className="tabular-nums">
      <s className="text-slate-400">{scheduled}</s> <span className="font-bold text-amber-300">{estimated}</span>
    </span>
  );
}

// Module scope keeps the column objects stable, so a live update re-renders rows, not the table setup.
const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns });
const column = createColumnHelper<typeof features, Flight>();
const columns = column.columns([
  column.accessor('scheduled', {
    header: 'Time',
    cell: (info) => <TimeCell flight={info.row.original} />,
  }),
  column.accessor('flight', {
    header: 'Flight',
    cell: (info) => (
      <span>
        <span className="font-bold">{info.row.original.flight}</span>
        {info.row.original.codeshares.length > 0 && (
          <span className="block text-xs text-slate-400">{info.row.original.codeshares.join(' ')}</span>
        )}
        <span className="block text-xs text-slate-300">{info.row.original.airline}</span>
      </span>
    ),
  }),
  column.accessor((flight) => remoteAirport(flight).city, {
    id: 'fromTo',
    header: 'From / To',
    cell: (info) => {
      const flight = info.row.original;
      const airport = remoteAirport(flight);
      return (
        <span>
          <span className="sr-only">{flight.direction === 'arrival' ? 'From ' : 'To '}</span>
          <span aria-hidden="true" className="mr-1 text-slate-400">
            {flight.direction === 'arrival' ? '↓' : '↑'}
          </span>
          {airport.city} <span className="text-slate-400">({airport.iata})</span>
        </span>
      );
    },
  }),
  column.accessor((flight) => [flight.terminal, flight.gate ?? flight.belt].join(' '), {
    id: 'terminalGate',
    header: 'Terminal / Gate',
    cell: (info) => {
      const flight = info.row.original;
      const place = flight.direction === 'arrival' ? (flight.belt ? `Belt ${flight.belt}` : '') : flight.gate ?? '';
      return (
        <span className="tabular-nums">
          {flight.terminal ? `T${flight.terminal}` : '–'} {place}
        </span>
      );
    },
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <StatusBadge status={info.row.original.status} />,
  }),
]);

// Airport practice: by scheduled time, then by flight number.
const DEFAULT_SORTING = [
  { id: 'scheduled', desc: false },
  { id: 'flight', desc: false },
];

/** The board's table: one row per flight, keyed by the flight's id. */
export function FlightTable({ flights, timeZone }: { flights: Flight[]; timeZone: string }) {
  const table = useTable({
    features,
    columns,
    data: flights,
    getRowId: (flight) => flight.id,
    initialState: { sorting: DEFAULT_SORTING },
  });
  return (
    <TimeZoneContext value={timeZone}>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Flights</caption>
        <thead className="text-xs uppercase tracking-wider text-slate-300">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="border-b border-slate-700 px-3 py-2">
                  <FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-flight-id={row.id} className="border-b border-slate-800 odd:bg-slate-900/60">
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  className="px-3 py-2 align-top"
                  data-status={cell.column.id === 'status' ? row.original.status : undefined}
                >
                  <FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TimeZoneContext>
  );
}
