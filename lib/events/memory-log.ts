import type { LoggedEvent } from '../flights/board-event';
import type { EventLog } from './event-log';
import { createLocalLog } from './local-log';

/** An event log kept in this process only: fast, and gone on restart. */
export function createMemoryLog({ historyLimit }: { historyLimit: number }): EventLog {
  // Retained history; `head` skips trimmed entries so trimming does not copy on every append.
  let history: LoggedEvent[] = [];
  let head = 0;
  return createLocalLog({
    load: () => ({ board: new Map(), lastSequence: 0 }),
    persist(entries) {
      history.push(...entries);
      head = Math.max(head, history.length - historyLimit);
      if (head > historyLimit) {
        history = history.slice(head);
        head = 0;
      }
    },
    readAfter(sequence) {
      const first = Number(history[head]?.id ?? sequence + 1);
      return history.slice(head + Math.max(0, sequence - first + 1));
    },
    firstRetained: () => (history.length > head ? Number(history[head]!.id) : null),
    check: () => undefined,
    close: () => undefined,
  });
}
