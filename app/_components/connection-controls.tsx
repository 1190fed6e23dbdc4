'use client';

import { CONNECTION_LABELS } from '@/lib/client/connection-label';
import { formatClockSeconds } from '@/lib/time/format-clock';
import type { ConnectionState } from '@/lib/client/stream/tab-stream';

const DOT_COLOURS: Record<ConnectionState, string> = {
  connecting: 'bg-amber-400',
  live: 'bg-emerald-500',
  reconnecting: 'bg-amber-400',
  polling: 'bg-amber-400',
  paused: 'bg-slate-400',
  closed: 'bg-red-500',
};

/**
 * The connection state in words (and, when not live, the board time of the last data the tab got,
 * so a screen never passes off an old board as current), and the Stop / Resume button. `large`: the
 * wall display's size, readable across a hall.
 */
export function ConnectionControls({
  state,
  running,
  lastDataAt,
  timeZone,
  large = false,
  onStop,
  onResume,
}: {
  state: ConnectionState;
  running: boolean;
  lastDataAt: number | null;
  timeZone: string;
  large?: boolean;
  onStop: () => void;
  onResume: () => void;
}) {
  const behind = state !== 'live' && state !== 'connecting' && lastDataAt !== null;
  return (
    <div className={`flex flex-wrap items-center gap-3 ${large ? 'text-3xl' : 'text-sm'}`}>
      <p className="flex flex-wrap items-center gap-2">
        <span aria-hidden="true" className={`inline-block rounded-full ${large ? 'h-5 w-5' : 'h-2.5 w-2.5'} ${DOT_COLOURS[state]}`} />
        <span role="status">{CONNECTION_LABELS[state]}</span>
        {behind && (
          <span
            data-testid="last-updated"
            className={large ? 'rounded bg-amber-300 px-3 py-1 font-bold text-slate-950' : 'font-semibold text-amber-800 dark:text-amber-300'}
          >
            Last updated <span className="tabular-nums">{formatClockSeconds(lastDataAt, timeZone)}</span>
          </span>
        )}
      </p>
      <button
        type="button"
        onClick={running ? onStop : onResume}
        className={`rounded border border-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 dark:hover:bg-slate-800 ${large ? 'px-4 py-1 text-lg' : 'px-3 py-1 text-sm'}`}
      >
        {running ? 'Stop updates' : 'Resume updates'}
      </button>
    </div>
  );
}
