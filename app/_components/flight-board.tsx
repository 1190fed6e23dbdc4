'use client';

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { matchesSearch, type BoardView } from '@/lib/client/board-view';
import type { StatusChange } from '@/lib/client/use-live-board';
import { useLiveFlights, type LiveFlights } from '@/lib/client/use-live-flights';
import { useUrlView } from '@/lib/client/use-url-view';
import type { BoardSnapshot } from '@/lib/flights/board';
import { remarkOf } from '@/lib/flights/remark';
import type { BoardTime } from '@/lib/time/board-time';
import type { ZoneOffsets } from '@/lib/time/zone-offsets';
import { useLanguage } from '@/lib/client/use-language';
import type { Language } from '@/lib/i18n/languages';
import { translator } from '@/lib/i18n/translate';
import { BoardToolbar } from './board-toolbar';
import { ConnectionControls } from './connection-controls';
import { FlightTable } from './flight-table';
import { NoticeLayer } from './notice-layer';
import { useBoardTable } from './use-board-table';
import { WallBoard } from './wall-board';

interface BoardSettings {
  initial: BoardSnapshot;
  timeZone: string;
  zoneOffsets: ZoneOffsets;
  boardTime: BoardTime;
  retryMs: number;
  heartbeatMs: number;
}

/** The live board: starts from the server-rendered snapshot and folds in every event of the browser's one stream. */
export function FlightBoard({
  initialView,
  header,
  languages,
  ...settings
}: BoardSettings & { initialView: BoardView; header: ReactNode; languages: Language[] }) {
  const live = useLiveFlights(settings);
  return (
    <FlightBoardView
      live={live} initialView={initialView} header={header} languages={languages} timeZone={settings.timeZone} boardTime={settings.boardTime}
    />
  );
}

/** The board, its toolbar or its wall display, over a live board a page holds (the board page's own, or a named screen's). */
export function FlightBoardView({
  live,
  initialView,
  header,
  languages,
  timeZone,
  boardTime,
  screen,
  pageSeconds,
}: {
  live: LiveFlights;
  initialView: BoardView;
  /** The page's heading: hidden with the board while an emergency takes the screen over. */
  header: ReactNode;
  /** The languages it speaks: the first on the board, each in turn every 8 s on the wall. */
  languages: Language[];
  timeZone: string;
  boardTime: BoardTime;
  /** The named screen this board is, when it is one (its notices apply). */
  screen?: string;
  /** How long the wall display shows each page. */
  pageSeconds?: number;
}) {
  const { view, update } = useUrlView(initialView);
  const language = useLanguage(languages, view.wall);
  const t = translator(language);
  const [announcement, setAnnouncement] = useState('');

  // Only flights the user searched for are announced: a whole board read aloud helps nobody.
  const announce = useCallback(
    (changes: StatusChange[]) => {
      if (!view.q.trim()) return;
      const mine = changes.filter((change) => matchesSearch(change.flight, view.q));
      if (mine.length) setAnnouncement(mine.map((c) => `${c.flight.flight}: ${remarkOf(c.flight, timeZone, t)}`).join('. '));
    },
    [view.q, timeZone, t],
  );
  const { board, version, leaving, signage, state, running, lastDataAt, dropped, stop, resume, onStatusChanges } = live;
  useEffect(() => onStatusChanges(announce), [onStatusChanges, announce]);

  // Every flight, and the ones fading out after they left; the table filters and sorts them.
  const flights = useMemo(
    () => [...board.values(), ...[...leaving.values()].filter((flight) => !board.has(flight.id))],
    // `version` changes whenever the board, updated in place, does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [board, version, leaving],
  );
  const leavingIds = useMemo(
    () => new Set([...leaving.keys()].filter((id) => !board.has(id))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [board, version, leaving],
  );
  const table = useBoardTable({ flights, view, timeZone, language, onSortChange: (sort) => update({ sort }) });

  const connection = (large: boolean) => (
    <ConnectionControls
      state={state}
      running={running}
      lastDataAt={lastDataAt}
      timeZone={timeZone}
      large={large}
      onStop={stop}
      onResume={resume}
    />
  );

  if (view.wall) {
    return (
      <NoticeLayer notices={signage.notices.values()} screen={screen} large footer={connection(true)} t={t}>
        {header}
        <WallBoard table={table} tab={view.tab} timeZone={timeZone} boardTime={boardTime} pageSeconds={pageSeconds} />
        <div className="mt-4">{connection(true)}</div>
      </NoticeLayer>
    );
  }

  const shown = table.getRowModel().rows.length;
  return (
    <NoticeLayer notices={signage.notices.values()} screen={screen} footer={connection(true)} t={t}>
      {header}
      <section aria-label="Flight board" className="flex flex-col gap-4" data-dropped-frames={dropped}>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <BoardToolbar view={view} t={t} onChange={update} />
          {connection(false)}
        </div>
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
        <div id="flight-board-panel" role="tabpanel" aria-labelledby={`tab-${view.tab}`}>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
            {shown} {shown === 1 ? 'flight' : 'flights'}
          </p>
          <FlightTable table={table} tab={view.tab} leavingIds={leavingIds} />
        </div>
      </section>
    </NoticeLayer>
  );
}
