import type { Board } from '../flights/board';
import { isFlightEvent, type BoardEvent } from '../flights/board-event';
import type { Flight } from '../flights/flight';
import { isFinal } from '../flights/lifecycle';

/** A change to when a flight reached its final status: the time, or null when it is no longer final. */
export type FinalSinceChange = readonly [id: string, since: string | null];

/**
 * When each flight now in a final status got there: the `updatedAt` of the write that made it final,
 * kept through later writes to it, so retention times its removal from then (CONTRACT section 3).
 * Returns the changes `events` make, given the board and the times before them; changes nothing.
 */
export function finalSinceChanges(board: Board, finalSince: ReadonlyMap<string, string>, events: readonly BoardEvent[]): FinalSinceChange[] {
  // What the earlier events of the same write did, over the board and times before it.
  const flights = new Map<string, Flight | undefined>();
  const times = new Map<string, string | null>();
  for (const event of events) {
    if (!isFlightEvent(event)) continue;
    const { id } = event.data;
    const before = flights.has(id) ? flights.get(id) : board.get(id);
    const known = times.has(id) ? times.get(id) : (finalSince.get(id) ?? null);
    if (event.name === 'flightRemoval' || !isFinal(event.data.status)) {
      if (known !== null) times.set(id, null);
    } else if (!(before && isFinal(before.status) && known !== null)) {
      times.set(id, event.data.updatedAt);
    }
    flights.set(id, event.name === 'flightStateUpdate' ? event.data : undefined);
  }
  return [...times];
}

/** Keeps the changes in the map. */
export function applyFinalSinceChanges(finalSince: Map<string, string>, changes: readonly FinalSinceChange[]) {
  for (const [id, since] of changes) {
    if (since === null) finalSince.delete(id);
    else finalSince.set(id, since);
  }
}
