'use client';

import { CONNECTION_LABELS } from '@/lib/client/connection-label';
import type { ConnectionState } from '@/lib/client/use-event-source';

const DOT_COLOURS: Record<ConnectionState, string> = {
  connecting: 'bg-amber-300',
  live: 'bg-emerald-400',
  reconnecting: 'bg-amber-300',
  paused: 'bg-slate-400',
  closed: 'bg-red-400',
};

/** The connection state in words, and the Stop / Resume button. */
export function ConnectionControls({
  state,
  running,
  onStop,
  onResume,
}: {
  state: ConnectionState;
  running: boolean;
  onStop: () => void;
  onResume: () => void;
}) {
  return (
    <div className="flex items-center gap-4">
      <p className="flex items-center gap-2 text-sm">
        <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${DOT_COLOURS[state]}`} />
        <span role="status">{CONNECTION_LABELS[state]}</span>
      </p>
      <button
        type="button"
        onClick={running ? onStop : onResume}
        className="rounded border border-slate-500 px-3 py-1 text-sm hover:bg-slate-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-300"
      >
        {running ? 'Stop updates' : 'Resume updates'}
      </button>
    </div>
  );
}
