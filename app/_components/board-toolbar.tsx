'use client';

import { directionOf, type BoardView, type Tab } from '@/lib/client/board-view';
import type { FlightStatus } from '@/lib/flights/flight';
import { statusesFor } from '@/lib/flights/lifecycle';
import { statusWord } from '@/lib/flights/remark';
import type { Translate } from '@/lib/i18n/translate';

const TABS: { id: Tab; label: 'board.arrivals' | 'board.departures' }[] = [
  { id: 'arrivals', label: 'board.arrivals' },
  { id: 'departures', label: 'board.departures' },
];

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500';
const field =
  'rounded border border-slate-400 bg-white px-3 py-1.5 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

/** Tabs, search and status filter: everything that chooses which rows the board shows. */
export function BoardToolbar({ view, t, onChange }: { view: BoardView; t: Translate; onChange: (change: Partial<BoardView>) => void }) {
  const selectTab = (tab: Tab) => onChange({ tab, status: null });
  return (
    <div className="flex flex-wrap items-end gap-4">
      <div role="tablist" aria-label="Direction" className="flex gap-1">
        {TABS.map((tab, index) => {
          const selected = view.tab === tab.id;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={selected}
              aria-controls="flight-board-panel"
              tabIndex={selected ? 0 : -1}
              onClick={() => selectTab(tab.id)}
              onKeyDown={(event) => {
                if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
                const next = TABS[(index + 1) % TABS.length]!;
                selectTab(next.id);
                document.getElementById(`tab-${next.id}`)?.focus();
              }}
              className={`rounded-t border-b-4 px-4 py-2 text-lg font-semibold ${focusRing} ${
                selected
                  ? 'border-amber-500 text-slate-900 dark:text-amber-300'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
              }`}
            >
              {t(tab.label)}
            </button>
          );
        })}
      </div>
      <label className="flex flex-col text-sm">
        <span>Search flights</span>
        <input
          type="search"
          value={view.q}
          maxLength={100}
          placeholder="Flight, airline, city or code"
          onChange={(event) => onChange({ q: event.target.value })}
          className={`${field} ${focusRing} w-64 max-w-full`}
        />
      </label>
      <label className="flex flex-col text-sm">
        <span>Status</span>
        <select
          value={view.status ?? ''}
          onChange={(event) => onChange({ status: (event.target.value || null) as FlightStatus | null })}
          className={`${field} ${focusRing}`}
        >
          <option value="">All statuses</option>
          {statusesFor(directionOf(view.tab)).map((status) => (
            <option key={status} value={status}>
              {statusWord(status, t)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
