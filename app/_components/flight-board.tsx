'use client';

import { useCallback, useMemo, useState } from 'react';
import { useEventSource } from '@/lib/client/use-event-source';
import { applyEvent, boardFromFlights, type Board, type BoardSnapshot } from '@/lib/flights/board';
import { BOARD_EVENT_NAMES, type BoardEvent } from '@/lib/flights/board-event';
import type { Flight } from '@/lib/flights/flight';
import { ConnectionControls } from './connection-controls';
import { FlightTable } from './flight-table';

const STREAM_EVENTS = ['snapshot', ...BOARD_EVENT_NAMES] as const;

/** The live board: starts from the server-rendered snapshot and folds in every event of the stream. */
export function FlightBoard({ initial, timeZone }: { initial: BoardSnapshot; timeZone: string }) {
  const [board, setBoard] = useState<Board>(() => boardFromFlights(initial.flights));

  const onEvent = useCallback((name: string, data: unknown) => {
    if (name === 'snapshot') setBoard(boardFromFlights((data as { flights: Flight[] }).flights));
    else setBoard((current) => applyEvent(current, { name, data } as BoardEvent));
  }, []);

  const { state, running, stop, resume } = useEventSource({
    url: '/api/events',
    initialLastEventId: initial.lastEventId,
    eventNames: STREAM_EVENTS,
    onEvent,
  });

  const flights = useMemo(() => [...board.values()], [board]);

  return (
    <section aria-label="Flight board" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-sm text-slate-300">
          {flights.length} {flights.length === 1 ? 'flight' : 'flights'}
        </p>
        <ConnectionControls state={state} running={running} onStop={stop} onResume={resume} />
      </div>
      <FlightTable flights={flights} timeZone={timeZone} />
    </section>
  );
}
