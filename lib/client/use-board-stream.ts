'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardSnapshot } from '../flights/board';
import type { BoardEvent } from '../flights/board-event';
import type { Flight } from '../flights/flight';
import { openTabStream, type ConnectionState } from './stream/tab-stream';

export interface BoardStreamOptions {
  url: string;
  initial: BoardSnapshot;
  retryMs: number;
  onSnapshot: (flights: Flight[]) => void;
  onEvent: (event: BoardEvent) => void;
}

/**
 * This tab's view of the browser's one board stream (see `openTabStream`), opened with the component
 * and closed on unmount (so Strict Mode's double effect leaves one). Stop and Resume are this tab's.
 */
export function useBoardStream({ url, initial, retryMs, onSnapshot, onEvent }: BoardStreamOptions) {
  const [state, setState] = useState<ConnectionState>('connecting');
  // Read on every event but shown only when the stream is not live, so it is state only then:
  // a render per event would undo the board's batching.
  const lastEventAtRef = useRef<number | null>(null);
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  const [dropped, setDropped] = useState(0);
  const handlers = useRef({ onSnapshot, onEvent });
  const stream = useRef<ReturnType<typeof openTabStream> | null>(null);
  const initialRef = useRef(initial);

  useEffect(() => {
    handlers.current = { onSnapshot, onEvent };
  }, [onSnapshot, onEvent]);

  useEffect(() => {
    const opened = openTabStream(
      { url, retryMs, initialFlights: initialRef.current.flights, initialLastEventId: initialRef.current.lastEventId },
      {
        onSnapshot: (flights) => {
          lastEventAtRef.current = Date.now();
          handlers.current.onSnapshot(flights);
        },
        onEvent: (event) => {
          lastEventAtRef.current = Date.now();
          handlers.current.onEvent(event);
        },
        onState: (next) => {
          if (next !== 'live') setLastEventAt(lastEventAtRef.current);
          setState(next);
        },
        onDropped: () => setDropped((n) => n + 1),
      },
    );
    stream.current = opened;
    return () => {
      stream.current = null;
      opened.close();
    };
  }, [url, retryMs]);

  const stop = useCallback(() => stream.current?.pause(), []);
  const resume = useCallback(() => stream.current?.resume(), []);
  const running = state !== 'paused' && state !== 'closed';
  return { state, running, lastEventAt, dropped, stop, resume };
}
