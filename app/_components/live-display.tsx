'use client';

import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useLiveFlights, type LiveFlights } from '@/lib/client/use-live-flights';
import type { BoardSnapshot } from '@/lib/flights/board';
import type { Flight } from '@/lib/flights/flight';
import type { BoardTime } from '@/lib/time/board-time';
import type { ZoneOffsets } from '@/lib/time/zone-offsets';
import { useLanguage } from '@/lib/client/use-language';
import type { Language } from '@/lib/i18n/languages';
import { translator, type Translate } from '@/lib/i18n/translate';
import { AirportClock } from './airport-clock';
import { ConnectionControls } from './connection-controls';
import { NoticeLayer } from './notice-layer';

export interface DisplayProps {
  initial: BoardSnapshot;
  timeZone: string;
  zoneOffsets: ZoneOffsets;
  boardTime: BoardTime;
  retryMs: number;
  heartbeatMs: number;
  /** The languages it speaks, each in turn every 8 s. */
  languages: Language[];
}

interface FrameProps {
  /** The heading, in the language shown now. */
  title: (t: Translate) => string;
  label: string;
  timeZone: string;
  boardTime: BoardTime;
  languages: Language[];
  children: (flights: Flight[], t: Translate) => ReactNode;
}

/** A gate or belt screen with a live board of its own. */
export function LiveDisplay({ initial, retryMs, heartbeatMs, zoneOffsets, ...frame }: DisplayProps & Omit<FrameProps, 'timeZone' | 'boardTime'>) {
  const live = useLiveFlights({ initial, retryMs, heartbeatMs, zoneOffsets, boardTime: frame.boardTime });
  return <DisplayFrame live={live} {...frame} />;
}

/**
 * The frame of a gate or belt screen: its title and clock, what it shows of the live board, and the
 * connection state in large type (a screen never passes off an old board as live). `screen`: the
 * named screen it is, if it is one (its notices apply).
 */
export function DisplayFrame({
  live,
  title,
  label,
  timeZone,
  boardTime,
  languages,
  screen,
  children,
}: FrameProps & { live: LiveFlights; screen?: string }) {
  const { board, version, signage, state, running, lastDataAt, stop, resume } = live;
  const t = translator(useLanguage(languages, true));
  // `version` changes whenever the board, updated in place, does.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const flights = useMemo(() => [...board.values()], [board, version]);
  const connection = (
    <ConnectionControls state={state} running={running} lastDataAt={lastDataAt} timeZone={timeZone} large onStop={stop} onResume={resume} />
  );
  return (
    <main aria-label={label} className="flex min-h-screen flex-col gap-6 bg-slate-950 p-4 text-slate-50 sm:p-8">
      <NoticeLayer notices={signage.notices.values()} screen={screen} large footer={connection} t={t}>
        <header className="flex flex-wrap items-baseline justify-between gap-4">
          <h1 className="text-4xl font-bold text-amber-300 sm:text-6xl">{title(t)}</h1>
          <p className="text-3xl tabular-nums sm:text-5xl">
            <AirportClock timeZone={timeZone} boardTime={boardTime} />
          </p>
        </header>
        <div className="flex-1">{children(flights, t)}</div>
        {connection}
      </NoticeLayer>
    </main>
  );
}
