import type { EventLog } from '../events/event-log';
import type { Board } from '../flights/board';
import type { BoardEvent } from '../flights/board-event';
import { isFinal } from '../flights/lifecycle';
import { componentLogger } from '../log/logger';
import type { BoardClock } from '../time/board-clock';
import type { Author } from '../events/history';

const RETENTION_AUTHOR: Author = { actor: 'retention', source: 'retention' };

/**
 * Removals for flights that have been in a final status for `retentionMs` or longer (board time),
 * counted from when they got there, whatever was written to them since; a flight stored before
 * that was kept counts from its last change.
 */
function planExpiredRemovals(
  board: Board,
  finalSince: (id: string) => string | undefined,
  clock: Pick<BoardClock, 'now' | 'at'>,
  retentionMs: number,
): BoardEvent[] {
  const now = clock.now();
  const events: BoardEvent[] = [];
  for (const flight of board.values()) {
    if (!isFinal(flight.status)) continue;
    const since = finalSince(flight.id) ?? flight.updatedAt;
    if (clock.at(Date.parse(since)) + retentionMs <= now) {
      events.push({ name: 'flightRemoval', data: { id: flight.id, flight: flight.flight } });
    }
  }
  return events;
}

/** Checks the board every `intervalMs` and takes finished flights off it. */
export function createRetentionSweeper({
  log,
  clock,
  retentionMs,
  intervalMs,
}: {
  log: EventLog;
  clock: BoardClock;
  retentionMs: number;
  intervalMs: number;
}) {
  let timer: unknown;
  let running = false;

  async function sweep() {
    try {
      // The plan re-reads the board inside the commit, so a flight revived meanwhile is left alone.
      await log.commit(
        (board) => ({ events: planExpiredRemovals(board, (id) => log.finalSince(id), clock, retentionMs), result: undefined }),
        RETENTION_AUTHOR,
      );
    } catch (error) {
      componentLogger('retention').error({ err: error }, 'sweep failed');
    }
    if (running) timer = clock.setTimeout(sweep, intervalMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      timer = clock.setTimeout(sweep, intervalMs);
    },
    stop() {
      running = false;
      clock.clearTimeout(timer);
    },
  };
}
