'use client';

import { useState } from 'react';
import { adminRequest } from '@/lib/client/admin-request';
import { changeOf, describeOtherChange, draftOf, statusChoices, type FlightDraft } from '@/lib/client/flight-edit';
import type { HistoryEntry } from '@/lib/events/history';
import type { Flight } from '@/lib/flights/flight';
import { statusWord } from '@/lib/flights/remark';
import { formatClock } from '@/lib/time/format-clock';
import { adminButton, adminField } from './admin-styles';

type Outcome = { kind: 'saved' | 'refused'; text: string } | { kind: 'conflict'; text: string } | null;

const sameDraft = (a: FlightDraft, b: FlightDraft) => a.status === b.status && a.estimated === b.estimated && a.place === b.place;

/** A history entry in one line: when, who, and each field's before → after. */
function HistoryLine({ entry, timeZone }: { entry: HistoryEntry; timeZone: string }) {
  const changes = Object.entries(entry.changes).map(([field, [before, after]]) => `${field}: ${before ?? '–'} → ${after ?? '–'}`);
  return (
    <li>
      <span className="tabular-nums">{formatClock(entry.at, timeZone)}</span> {entry.actor} ({entry.source}): {changes.join(', ') || 'no field changed'}
    </li>
  );
}

/**
 * One flight on the operations page. The draft is the operator's; `base` is the flight as it was
 * when they started editing, whose version the save sends as If-Match, so a change made meanwhile
 * by someone else is a conflict shown to them, never overwritten in silence.
 */
export function FlightOpsRow({ flight, token, timeZone }: { flight: Flight; token: string; timeZone: string }) {
  const [base, setBase] = useState(flight);
  const [draft, setDraft] = useState(() => draftOf(flight, timeZone));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [history, setHistory] = useState<HistoryEntry[] | string | null>(null);
  const [busy, setBusy] = useState(false);

  // Untouched rows follow the live board; a row being edited keeps what it was edited from.
  const editing = !sameDraft(draft, draftOf(base, timeZone));
  if (!editing && flight.version !== base.version && outcome?.kind !== 'conflict') {
    setBase(flight);
    setDraft(draftOf(flight, timeZone));
  }

  async function save() {
    const planned = changeOf(base, draft, timeZone);
    if ('error' in planned) return setOutcome({ kind: 'refused', text: planned.error });
    if (Object.keys(planned.change).length === 0) return setOutcome({ kind: 'refused', text: 'Nothing to save: change a field first.' });
    setBusy(true);
    const path = `/api/flights/${encodeURIComponent(base.id)}`;
    const answer = await adminRequest<Flight>(token, 'PATCH', path, planned.change, { 'If-Match': `"${base.version}"` });
    setBusy(false);
    if (answer.ok) {
      setBase(answer.body);
      setDraft(draftOf(answer.body, timeZone));
      return setOutcome({ kind: 'saved', text: `Saved ${answer.body.flight} (version ${answer.body.version}).` });
    }
    if (answer.status !== 412) return setOutcome({ kind: 'refused', text: answer.message });
    // Someone else changed it: show what they did, keep the operator's input, and save nothing.
    const current = await fetch(path).then((response) => (response.ok ? (response.json() as Promise<Flight>) : null));
    if (!current) return setOutcome({ kind: 'refused', text: `${base.flight} is no longer on the board.` });
    setOutcome({ kind: 'conflict', text: `Not saved: someone changed ${current.flight} meanwhile (${describeOtherChange(base, current, timeZone)}). Your input is kept; save again to apply it over their change.` });
    setBase(current);
  }

  async function toggleHistory() {
    if (history !== null) return setHistory(null);
    const response = await fetch(`/api/flights/${encodeURIComponent(flight.id)}/history`, { headers: { Authorization: `Bearer ${token}` } });
    const body = await response.json().catch(() => null);
    setHistory(response.ok ? body.entries : (body?.error?.message ?? `The server answered ${response.status}.`));
  }

  const isDeparture = flight.direction === 'departure';
  const label = (what: string) => `${what} of ${flight.flight}`;
  return (
    <>
      <tr data-flight-id={flight.id} className="border-t border-slate-300 align-top dark:border-slate-700">
        <th scope="row" className="py-2 pr-3 text-left font-bold">
          {flight.flight}
          <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">
            {isDeparture ? `to ${flight.destination.city}` : `from ${flight.origin.city}`}
          </span>
        </th>
        <td className="py-2 pr-3 tabular-nums">{formatClock(flight.scheduled, timeZone)}</td>
        <td className="py-2 pr-3">
          <select aria-label={label('Status')} value={draft.status} onChange={(event) => setDraft({ ...draft, status: statusChoices(base).find((s) => s === event.target.value) ?? draft.status })} className={adminField}>
            {statusChoices(base).map((status) => (
              <option key={status} value={status}>{statusWord(status)}</option>
            ))}
          </select>
        </td>
        <td className="py-2 pr-3">
          <input aria-label={label('Estimate')} value={draft.estimated} placeholder="HH:MM" inputMode="numeric" size={6} onChange={(event) => setDraft({ ...draft, estimated: event.target.value })} className={adminField} />
        </td>
        <td className="py-2 pr-3">
          <input aria-label={label(isDeparture ? 'Gate' : 'Belt')} value={draft.place} size={5} onChange={(event) => setDraft({ ...draft, place: event.target.value })} className={adminField} />
        </td>
        <td className="flex flex-wrap gap-2 py-2">
          <button type="button" className={adminButton} disabled={busy} onClick={() => void save()} aria-label={`Save ${flight.flight}`}>Save</button>
          <button type="button" className={adminButton} onClick={() => void toggleHistory()} aria-expanded={history !== null} aria-label={`History of ${flight.flight}`}>
            History
          </button>
        </td>
      </tr>
      {(outcome || history !== null) && (
        <tr>
          <td colSpan={6} className="pb-3 text-sm">
            {outcome && (
              <p role={outcome.kind === 'saved' ? 'status' : 'alert'} className={outcome.kind === 'saved' ? '' : 'font-semibold text-red-700 dark:text-red-300'}>
                {outcome.text}
              </p>
            )}
            {typeof history === 'string' && <p role="alert">{history}</p>}
            {Array.isArray(history) && (
              <ol aria-label={`History of ${flight.flight}`} className="list-decimal pl-6">
                {history.map((entry, index) => <HistoryLine key={index} entry={entry} timeZone={timeZone} />)}
              </ol>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
