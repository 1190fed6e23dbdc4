import { applyEventsInPlace, type Board } from '../flights/board';
import type { Flight } from '../flights/flight';
import type { LoggedEvent } from '../flights/board-event';
import type { EventListener, EventLog, WritePlan } from './event-log';
import { applyFinalSinceChanges, finalSinceChanges, type FinalSinceChange } from './final-since';
import { historyId, sequenceIn } from './history-id';
import { historyRecordsOf, UNSIGNED, type HistoryEntry, type HistoryRecord } from './history';
import { applySignageEventsInPlace, signageLists, type MutableSignage } from '../signage/signage';

/** Where a single-process log keeps its events and board: in memory, or in SQLite. */
export interface LocalStorage {
  /** The board, its signage, the last sequence number, the history's epoch and when final flights got there, as stored. */
  load(): { board: Board; signage: MutableSignage; lastSequence: number; epoch: string; finalSince: Map<string, string> };
  /** Stores the entries, their effect on the board and signage, and the flights' history records in one atomic step, trimming old events. */
  persist(entries: LoggedEvent[], finalSinceChanges: FinalSinceChange[], history: HistoryRecord[]): void;
  /** One flight's history entries from `since` on, oldest first. */
  history(flightId: string, since: string): HistoryEntry[];
  /** Removes up to `limit` history entries older than `before`; returns how many. */
  pruneHistory(before: string, limit: number): number;
  /** The retained entries with a sequence number above `sequence`, oldest first. */
  readAfter(sequence: number): LoggedEvent[];
  /** The oldest retained sequence number, or null when none is retained. */
  firstRetained(): number | null;
  check(): void;
  close(): void;
}

/**
 * An event log owned by one process. Writes run synchronously against an in-memory copy of the
 * board, so a plan and its append are atomic without locks; ids are a gap-free sequence.
 */
export function createLocalLog(storage: LocalStorage): EventLog {
  const loaded = storage.load();
  const { epoch } = loaded;
  const idOf = (sequence: number) => historyId(epoch, sequence);
  // Owned by the log alone: plans read it, snapshots copy it, so it can be updated in place.
  const board = new Map<string, Flight>(loaded.board);
  const signage = loaded.signage;
  let lastSequence = loaded.lastSequence;
  const finalSince = loaded.finalSince;
  const listeners = new Set<EventListener>();

  return {
    async commit<T>(plan: WritePlan<T>, author = UNSIGNED) {
      const { events, result } = plan(board, signage);
      if (events.length === 0) return { entries: [], result };
      const entries = events.map((event, index) => ({ id: idOf(lastSequence + index + 1), event }));
      const changes = finalSinceChanges(board, finalSince, events);
      storage.persist(entries, changes, historyRecordsOf(board, events, author, new Date().toISOString()));
      lastSequence += entries.length;
      applyEventsInPlace(board, events);
      applySignageEventsInPlace(signage, events);
      applyFinalSinceChanges(finalSince, changes);
      for (const entry of entries) for (const listener of listeners) listener(entry);
      return { entries, result };
    },
    async readAfter(id, atMost = Infinity) {
      const sequence = sequenceIn(epoch, id);
      if (sequence === null || sequence > lastSequence || lastSequence - sequence > atMost) return null;
      const first = storage.firstRetained() ?? lastSequence + 1;
      if (sequence < first - 1) return null;
      return storage.readAfter(sequence);
    },
    history: async (flightId, since) => storage.history(flightId, since),
    pruneHistory: async (before, limit) => storage.pruneHistory(before, limit),
    boardSize: () => board.size,
    async snapshot() {
      return { flights: [...board.values()], ...signageLists(signage), lastEventId: idOf(lastSequence) };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // A local log is its own store: it never loses its place.
    onReset: () => () => undefined,
    finalSince: (id) => finalSince.get(id),
    compareIds(a, b) {
      return (sequenceIn(epoch, a) ?? 0) - (sequenceIn(epoch, b) ?? 0);
    },
    async healthy() {
      try {
        storage.check();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      listeners.clear();
      storage.close();
    },
  };
}
