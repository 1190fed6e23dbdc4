import type { Board, BoardSnapshot } from '../flights/board';
import type { BoardEvent, LoggedEvent } from '../flights/board-event';
import type { Signage } from '../signage/signage';
import type { Author, HistoryEntry } from './history';

/**
 * Decides what a write does, given the board and its signage as they are at that instant.
 * It returns the events to append, or throws (a CodedError) to refuse; a refusal appends nothing.
 */
export type WritePlan<T> = (board: Board, signage: Signage) => { events: BoardEvent[]; result: T };

export type EventListener = (entry: LoggedEvent) => void;

/** The event log: the one source of truth for the board, in memory, SQLite or Redis. */
export interface EventLog {
  /**
   * Runs `plan` against the current board and appends its events, and each flight's history entry
   * signed by `author`, as one atomic step: no change without its entry, no entry without its change.
   */
  commit<T>(plan: WritePlan<T>, author?: Author): Promise<{ entries: LoggedEvent[]; result: T }>;
  /** Every change of one flight kept from `since` on (ISO time), oldest first, whatever HISTORY_LIMIT keeps of the log. */
  history(flightId: string, since: string): Promise<HistoryEntry[]>;
  /**
   * Removes history entries older than `before`, a bounded batch at a time (up to `limit` entries;
   * Redis: the whole histories of up to `limit` flights that have not grown since); returns how many
   * entries it removed, so a sweep calls it until 0.
   */
  pruneHistory(before: string, limit: number): Promise<number>;
  /**
   * The events after `id`, oldest first; null when `id` is malformed, unknown or older than the
   * retained history, or when more than `atMost` events follow it (a snapshot is then smaller). An
   * id that cannot be replayed costs no read of the history.
   */
  readAfter(id: string, atMost?: number): Promise<LoggedEvent[] | null>;
  /** The whole board, its notices and screens, and the id of the last event they include. */
  snapshot(): Promise<BoardSnapshot>;
  /** How many flights the board holds now (without copying it, as `snapshot` does). */
  boardSize(): number;
  /** Calls `listener` with every event appended from now on, in log order. Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /**
   * Calls `callback` when the log had to start over from the store (a gap it cannot replay, or a
   * store that lost its data): open streams must then be ended so their clients resume or resync.
   */
  onReset(callback: () => void): () => void;
  /**
   * When a flight now in a final status got there (the `updatedAt` of that write), kept by the store
   * across restarts; undefined for flights that are not final, or stored before this was kept.
   */
  finalSince(id: string): string | undefined;
  /** Orders two ids of this log: negative when `a` comes before `b`. */
  compareIds(a: string, b: string): number;
  /** Whether the store answers, so that writes can succeed (the outage itself is logged where it is seen). */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
