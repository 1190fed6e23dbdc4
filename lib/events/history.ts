import * as z from '../flights/browser-zod';
import type { Board } from '../flights/board';
import type { BoardEvent } from '../flights/board-event';
import type { Flight } from '../flights/flight';

export const HISTORY_SOURCES = ['api', 'import', 'simulator', 'retention'] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

/** Who makes a write: the token's name (or `simulator`, `import:<token>`, `retention`) and by which way. */
export interface Author {
  actor: string;
  source: HistorySource;
}

/** For writes nobody signs (tests of the log itself): the store still keeps their history. */
export const UNSIGNED: Author = { actor: 'system', source: 'api' };

/** One change of one flight (CONTRACT section 10): each changed field as [before, after]; null before a creation, after a removal. */
export interface HistoryEntry {
  at: string;
  actor: string;
  source: HistorySource;
  changes: Record<string, [unknown, unknown]>;
}

/** A history entry and the flight it belongs to, as a store keeps it. */
export interface HistoryRecord {
  flightId: string;
  entry: HistoryEntry;
}

export const historyEntrySchema = z.object({
  at: z.iso.datetime({ offset: false }),
  actor: z.string(),
  source: z.enum(HISTORY_SOURCES),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
}) satisfies z.ZodMiniType<HistoryEntry>;

// The server's own bookkeeping, not a change anyone made.
const UNRECORDED_FIELDS = new Set<string>(['updatedAt', 'version']);

// Most fields are strings or null, compared as they are; only airports and codeshares need a deep look.
const same = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

function changesBetween(before: Flight | undefined, after: Flight | undefined): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  const fields = Object.keys(after ?? before ?? {}) as (keyof Flight)[];
  for (const field of fields) {
    if (UNRECORDED_FIELDS.has(field)) continue;
    const [was, is] = [before?.[field] ?? null, after?.[field] ?? null];
    if (!same(was, is)) changes[field] = [was, is];
  }
  return changes;
}

/**
 * The history entry each of a write's events makes, in the events' order, against the board the
 * plan saw (earlier events of the same write count as before for later ones); null for an event
 * that makes none (a notice, a screen, a write that changes nothing but the bookkeeping).
 */
export function historyOfEvents(board: Board, events: readonly BoardEvent[], author: Author, at: string): (HistoryRecord | null)[] {
  const seen = new Map<string, Flight | undefined>();
  return events.map((event) => {
    if (event.name !== 'flightStateUpdate' && event.name !== 'flightRemoval') return null;
    const { id } = event.data;
    const before = seen.has(id) ? seen.get(id) : board.get(id);
    const after = event.name === 'flightStateUpdate' ? event.data : undefined;
    seen.set(id, after);
    const changes = changesBetween(before, after);
    if (Object.keys(changes).length === 0 && before && after) return null;
    return { flightId: id, entry: { at: after?.updatedAt ?? at, actor: author.actor, source: author.source, changes } };
  });
}

/** The history records a write makes (those of `historyOfEvents`, without the events that make none). */
export const historyRecordsOf = (board: Board, events: readonly BoardEvent[], author: Author, at: string): HistoryRecord[] =>
  historyOfEvents(board, events, author, at).filter((record): record is HistoryRecord => record !== null);

/** The earliest time a history entry kept for `retentionDays` may have, as of `now`. */
export const historyCutoff = (now: number, retentionDays: number) => new Date(now - retentionDays * 86_400_000).toISOString();
