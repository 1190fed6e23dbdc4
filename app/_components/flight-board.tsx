'use client';

import { useCallback, useMemo, useState } from 'react';
import { createListStabiliser, matchesSearch, visibleFlights, type BoardView } from '@/lib/client/board-view';
import { useEventSource } from '@/lib/client/use-event-source';
import { useLiveBoard, type StatusChange } from '@/lib/client/use-live-board';
import { useUrlView } from '@/lib/client/use-url-view';
import type { BoardSnapshot } from '@/lib/flights/board';
import { BOARD_EVENT_NAMES, type BoardEvent } from '@/lib/flights/board-event';
import type { Flight } from '@/lib/flights/flight';
import { remarkOf } from '@/lib/flights/remark';
import type { BoardTime } from '@/lib/time/board-time';
import { BoardToolbar } from './board-toolbar';
import { ConnectionControls } from './connection-controls';
import { FlightTable } from './flight-table';
import { WallBoard } from './wall-board';

const STREAM_EVENTS = ['snapshot', ...BOARD_EVENT_NAMES] as const;

/** The live board: starts from the server-rendered snapshot and folds in every event of one stream. */
export function FlightBoard({
  initial,
  initialView,
  timeZone,
  boardTime,
}: {
  initial: BoardSnapshot;
  initialView: BoardView;
  timeZone: string;
  boardTime: BoardTime;
}) {
  const { view, update, toggleSort } = useUrlView(initialView);
  const [announcement, setAnnouncement] = useState('');

  // Only flights the user searched for are announced: a whole board read aloud helps nobody.
  const announce = useCallback(
    (changes: StatusChange[]) => {
      if (!view.q.trim()) return;
      const mine = changes.filter((change) => matchesSearch(change.flight, view.q));
      if (mine.length) setAnnouncement(mine.map((c) => `${c.flight.flight}: ${remarkOf(c.flight, timeZone)}`).join('. '));
    },
    [view.q, timeZone],
  );
  const { board, version, leaving, receive, replace } = useLiveBoard(initial, announce);

  const onEvent = useCallback(
    (name: string, data: unknown) => {
      if (name === 'snapshot') replace((data as { flights: Flight[] }).flights);
      else receive({ name, data } as BoardEvent);
    },
    [receive, replace],
  );
  const { state, running, lastEventAt, stop, resume } = useEventSource({
    url: '/api/events',
    initialLastEventId: initial.lastEventId,
    eventNames: STREAM_EVENTS,
    onEvent,
  });

  // An update to a flight of the other tab leaves this list as it was: then the table does no work.
  const stabilise = useMemo(() => createListStabiliser(), []);
  const flights = useMemo(
    () => stabilise(visibleFlights([...board.values(), ...[...leaving.values()].filter((f) => !board.has(f.id))], view)),
    // `version` changes whenever the board, updated in place, does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [board, version, leaving, view, stabilise],
  );
  const leavingIds = useMemo(
    () => new Set([...leaving.keys()].filter((id) => !board.has(id))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [board, version, leaving],
  );

  const connection = (
    <ConnectionControls
      state={state}
      running={running}
      lastEventAt={lastEventAt}
      timeZone={timeZone}
      onStop={stop}
      onResume={resume}
    />
  );

  if (view.wall) {
    return (
      <>
        <WallBoard flights={flights} view={view} timeZone={timeZone} boardTime={boardTime} />
        <div className="mt-4 text-base">{connection}</div>
      </>
    );
  }

  return (
    <section aria-label="Flight board" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <BoardToolbar view={view} onChange={update} />
        {connection}
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div id="flight-board-panel" role="tabpanel" aria-labelledby={`tab-${view.tab}`}>
        <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
          {flights.length} {flights.length === 1 ? 'flight' : 'flights'}
        </p>
        <FlightTable flights={flights} leavingIds={leavingIds} view={view} timeZone={timeZone} onSort={toggleSort} />
      </div>
    </section>
  );
}
