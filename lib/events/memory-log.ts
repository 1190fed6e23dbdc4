import type { LoggedEvent } from '../flights/board-event';
import type { HistoryEntry } from './history';
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
  // Each flight's changes, oldest first: kept for the process's life, pruned by age.
  const histories = new Map<string, HistoryEntry[]>();
  return createLocalLog({
    // Nothing survives the process: every memory store is a new history.
    load: () => ({ board: new Map(), signage: emptySignage(), lastSequence: 0, epoch: newEpoch(), finalSince: new Map() }),
    persist(entries, _finalSince, records) {
      for (const { flightId, entry } of records) {
        const kept = histories.get(flightId);
        if (kept) kept.push(entry);
        else histories.set(flightId, [entry]);
      }
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
    history: (flightId, since) => (histories.get(flightId) ?? []).filter((entry) => entry.at >= since),
    pruneHistory(before, limit) {
      let removed = 0;
      for (const [flightId, entries] of histories) {
        if (removed >= limit) break;
        const firstKept = entries.findIndex((entry) => entry.at >= before);
        const expired = Math.min(limit - removed, firstKept === -1 ? entries.length : firstKept);
        if (expired === 0) continue;
        entries.splice(0, expired);
        removed += expired;
        if (entries.length === 0) histories.delete(flightId);
      }
      return removed;
    },
    firstRetained: () => (history.length > head ? headSequence : null),
    check: () => undefined,
    close: () => undefined,
  });
}
