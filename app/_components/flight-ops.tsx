'use client';

import { useMemo, useState } from 'react';
import { byScheduleThenFlight, matchesSearch } from '@/lib/client/board-view';
import { useLiveFlights } from '@/lib/client/use-live-flights';
import { adminField } from './admin-styles';
import { ConnectionControls } from './connection-controls';
import { FlightOpsRow } from './flight-ops-row';
import type { DisplayProps } from './live-display';

// Enough to work with at once; a search narrows a large board down to the flight wanted.
const MAX_ROWS = 100;

/** `/admin/flights`: the live board as a table an operator edits, each save sent with the version it was made from. */
export function FlightOps({ timeZone, ...settings }: DisplayProps) {
  const live = useLiveFlights(settings);
  const { board, version, state, running, lastDataAt, stop, resume } = live;
  // Kept in this component's memory only: never stored, never sent anywhere but these requests.
  const [token, setToken] = useState('');
  const [query, setQuery] = useState('');
  const flights = useMemo(
    () => [...board.values()].filter((flight) => matchesSearch(flight, query)).sort(byScheduleThenFlight),
    // `version` changes whenever the board, updated in place, does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [board, version, query],
  );
  const shown = flights.slice(0, MAX_ROWS);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm">
          <span>API token</span>
          <input type="password" autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} className={adminField} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>Search flights</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} className={adminField} />
        </label>
        <ConnectionControls state={state} running={running} lastDataAt={lastDataAt} timeZone={timeZone} onStop={stop} onResume={resume} />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {flights.length > MAX_ROWS ? `Showing ${MAX_ROWS} of ${flights.length} flights; search to narrow them down.` : `${flights.length} flights`}
      </p>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Flights to edit</caption>
        <thead className="text-slate-600 dark:text-slate-300">
          <tr>
            <th scope="col" className="py-1 pr-3">Flight</th>
            <th scope="col" className="py-1 pr-3">Scheduled</th>
            <th scope="col" className="py-1 pr-3">Status</th>
            <th scope="col" className="py-1 pr-3">Estimate</th>
            <th scope="col" className="py-1 pr-3">Gate or belt</th>
            <th scope="col" className="py-1"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {shown.map((flight) => (
            <FlightOpsRow key={flight.id} flight={flight} token={token} timeZone={timeZone} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
