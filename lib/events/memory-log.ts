import { applyEvents, type Board } from '../flights/board';
import type { LoggedEvent } from '../flights/board-event';
import type { EventListener, EventLog, WritePlan } from './event-log';
import { parseSequenceId } from './sequence-id';

/** An event log kept in this process only: fast, and gone on restart. */
export function createMemoryLog({ historyLimit }: { historyLimit: number }): EventLog {
  let board: Board = new Map();
  let lastSequence = 0;
  // Retained history; `head` skips trimmed entries so trimming does not copy on every append.
  let history: LoggedEvent[] = [];
  let head = 0;
  const listeners = new Set<EventListener>();

  function retain(entry: LoggedEvent) {
    history.push(entry);
    if (history.length - head > historyLimit) head += 1;
    if (head > historyLimit) {
      history = history.slice(head);
      head = 0;
    }
  }

  return {
    async commit<T>(plan: WritePlan<T>) {
      const { events, result } = plan(board);
      board = applyEvents(board, events);
      const entries = events.map((event) => ({ id: String(++lastSequence), event }));
      for (const entry of entries) retain(entry);
      for (const entry of entries) for (const listener of listeners) listener(entry);
      return { entries, result };
    },
    async readAfter(id) {
      const sequence = parseSequenceId(id);
      if (sequence === null || sequence > lastSequence) return null;
      const firstRetained = history.length > head ? Number(history[head]!.id) : lastSequence + 1;
      if (sequence < firstRetained - 1) return null;
      return history.slice(head + (sequence - firstRetained + 1));
    },
    async snapshot() {
      return { flights: [...board.values()], lastEventId: String(lastSequence) };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    compareIds(a, b) {
      return (parseSequenceId(a) ?? 0) - (parseSequenceId(b) ?? 0);
    },
    async health() {
      return { ok: true };
    },
    async close() {
      listeners.clear();
    },
  };
}
