'use client';

import { CONNECTION_LABELS } from '@/lib/client/connection-label';
import { formatClock } from '@/lib/time/format-clock';
import type { ConnectionState } from '@/lib/client/stream/tab-stream';

const DOT_COLOURS: Record<ConnectionState, string> = {
  connecting: 'bg-amber-400',
  live: 'bg-emerald-500',
  reconnecting: 'bg-amber-400',
  paused: 'bg-slate-400',
  closed: 'bg-red-500',
};

/** The connection state in words (and, when not live, since when the board is behind), and the Stop / Resume button. */
export function ConnectionControls({
  state,
  running,
  lastEventAt,
  timeZone,
  onStop,
  onResume,
}: {
  state: ConnectionState;
  running: boolean;
  lastEventAt: number | null;
  timeZone: string;
  onStop: () => void;
  onResume: () => void;
}) {
  const behind = state !== 'live' && state !== 'connecting' && lastEventAt !== null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p className="flex items-center gap-2 text-sm">
        <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${DOT_COLOURS[state]}`} />
        <span role="status">{CONNECTION_LABELS[state]}</span>
        {behind && (
          <span className="text-slate-600 dark:text-slate-300">
            · last update {formatClock(new Date(lastEventAt).toISOString(), timeZone)}; the board may be behind
          </span>
        )}
      </p>
      <button
        type="button"
        onClick={running ? onStop : onResume}
        className="rounded border border-slate-500 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 dark:hover:bg-slate-800"
      >
        {running ? 'Stop updates' : 'Resume updates'}
      </button>
    </div>
  );
}
