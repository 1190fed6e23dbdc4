'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { applyEventsInPlace, type Board, type BoardSnapshot } from '../flights/board';
import { isFlightEvent, type BoardEvent } from '../flights/board-event';
import type { Flight } from '../flights/flight';

/** How long a removed flight stays on screen, fading out. */
export const LEAVING_MS = 700;

export interface StatusChange {
  flight: Flight;
  previous: Flight['status'];
}

// Animation frames pause in a hidden tab, even one requested just before it was hidden: a timer
// folds the events in within this long whatever the tab's visibility.
const HIDDEN_FLUSH_MS = 250;

/**
 * The board in the browser. Events are queued and folded in once per animation frame, so a burst
 * of updates costs one render; removed rows linger briefly so they can fade out. The board is one
 * map updated in place (copying thousands of flights per frame is garbage for nothing); `version`
 * tells React it changed.
 */
export function useLiveBoard(initial: BoardSnapshot) {
  // Built once from the server-rendered snapshot, then updated in place.
  const [board] = useState(() => new Map(initial.flights.map((flight) => [flight.id, flight])));
  const [version, setVersion] = useState(0);
  const [leaving, setLeaving] = useState<ReadonlyMap<string, Flight>>(new Map());
  const pending = useRef<BoardEvent[]>([]);
  const scheduled = useRef(false);
  const statusListeners = useRef(new Set<(changes: StatusChange[]) => void>());
  const leavingTimers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const timers = leavingTimers.current;
    return () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    };
  }, []);

  const flush = useCallback(() => {
    if (!scheduled.current) return;
    scheduled.current = false;
    const events = pending.current;
    pending.current = [];
    if (events.length === 0) return;
    const removed: Flight[] = [];
    const changes: StatusChange[] = [];
    for (const event of events) {
      if (!isFlightEvent(event)) continue;
      const previous = board.get(event.data.id);
      applyEventsInPlace(board, [event]);
      if (event.name === 'flightRemoval' && previous) removed.push(previous);
      if (event.name === 'flightStateUpdate' && previous && previous.status !== event.data.status) {
        changes.push({ flight: event.data, previous: previous.status });
      }
    }
    setVersion((n) => n + 1);
    if (changes.length) for (const listener of statusListeners.current) listener(changes);
    if (removed.length && !prefersReducedMotion()) {
      setLeaving((current) => new Map([...current, ...removed.map((flight) => [flight.id, flight] as const)]));
      const timer = setTimeout(() => {
        leavingTimers.current.delete(timer);
        setLeaving((current) => {
          const next = new Map(current);
          for (const flight of removed) next.delete(flight.id);
          return next;
        });
      }, LEAVING_MS);
      leavingTimers.current.add(timer);
    }
  }, [board]);

  const receive = useCallback(
    (event: BoardEvent) => {
      pending.current.push(event);
      if (scheduled.current) return;
      scheduled.current = true;
      // Whichever comes first; the other finds nothing scheduled.
      requestAnimationFrame(flush);
      setTimeout(flush, HIDDEN_FLUSH_MS);
    },
    [flush],
  );

  const replace = useCallback(
    (flights: Flight[]) => {
      pending.current = [];
      board.clear();
      for (const flight of flights) board.set(flight.id, flight);
      setVersion((n) => n + 1);
    },
    [board],
  );

  /** Calls `listener` with the flights whose status changed, after each batch; returns the unsubscribe function. */
  const onStatusChanges = useCallback((listener: (changes: StatusChange[]) => void) => {
    statusListeners.current.add(listener);
    return () => void statusListeners.current.delete(listener);
  }, []);

  return { board: board as Board, version, leaving, receive, replace, onStatusChanges };
}

export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
