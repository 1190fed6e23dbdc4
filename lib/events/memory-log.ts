import type { LoggedEvent } from '../flights/board-event';
import type { EventLog } from './event-log';
import { newEpoch } from './history-id';
import { createLocalLog } from './local-log';
import { emptySignage } from '../signage/signage';

/** An event log kept in this process only: fast, and gone on restart. */
export function createMemoryLog({ historyLimit }: { historyLimit: number }): EventLog {
  // Retained history; `head` skips trimmed entries so trimming does not copy on every append.
  // Sequence numbers are gap-free, so the entry at `head` has sequence `headSequence`.
  let history: LoggedEvent[] = [];
  let head = 0;
  let headSequence = 1;
  return createLocalLog({
    // Nothing survives the process: every memory store is a new history.
    load: () => ({ board: new Map(), signage: emptySignage(), lastSequence: 0, epoch: newEpoch(), finalSince: new Map() }),
    persist(entries) {
      history.push(...entries);
      const trimmed = Math.max(head, history.length - historyLimit) - head;
      head += trimmed;
      headSequence += trimmed;
      if (head > historyLimit) {
        history = history.slice(head);
        head = 0;
      }
    },
    readAfter(sequence) {
      return history.slice(head + Math.max(0, sequence - headSequence + 1));
    },
    firstRetained: () => (history.length > head ? headSequence : null),
    check: () => undefined,
    close: () => undefined,
  });
}
