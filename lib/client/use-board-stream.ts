'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardContent, BoardSnapshot } from '../flights/board';
import type { BoardEvent } from '../flights/board-event';
import type { BoardTime } from '../time/board-time';
import { pageClock } from './page-clock';
import { openTabStream, type ConnectionState } from './stream/tab-stream';

export interface BoardStreamOptions {
  url: string;
  pollUrl: string;
  initial: BoardSnapshot;
  retryMs: number;
  heartbeatMs: number;
  boardTime: BoardTime;
  onSnapshot: (content: BoardContent) => void;
  onEvent: (event: BoardEvent) => void;
}

/**
 * This tab's view of the browser's one board stream (see `openTabStream`), opened with the component
 * and closed on unmount (so Strict Mode's double effect leaves one). Stop and Resume are this tab's.
 * `lastDataAt` is the board time of the last data the tab got (an event or a heartbeat).
 */
export function useBoardStream({ url, pollUrl, initial, retryMs, heartbeatMs, boardTime, onSnapshot, onEvent }: BoardStreamOptions) {
  const [state, setState] = useState<ConnectionState>('connecting');
  // Read on every event but shown only when the stream is not live, so it is state only then:
  // a render per event would undo the board's batching.
  const lastDataAtRef = useRef<number | null>(null);
  const [lastDataAt, setLastDataAt] = useState<number | null>(null);
  const [dropped, setDropped] = useState(0);
  const handlers = useRef({ onSnapshot, onEvent });
  const stream = useRef<ReturnType<typeof openTabStream> | null>(null);
  const initialRef = useRef(initial);

  useEffect(() => {
    handlers.current = { onSnapshot, onEvent };
  }, [onSnapshot, onEvent]);

  useEffect(() => {
    const clock = pageClock(boardTime);
    const heard = () => (lastDataAtRef.current = clock.now());
    // The server-rendered board is the first data the tab has.
    lastDataAtRef.current ??= clock.now();
    const opened = openTabStream(
      { url, pollUrl, retryMs, heartbeatMs, initial: initialRef.current, initialLastEventId: initialRef.current.lastEventId },
      {
        onSnapshot: (content) => {
          heard();
          handlers.current.onSnapshot(content);
        },
        onEvent: (event) => {
          heard();
          handlers.current.onEvent(event);
        },
        onHeartbeat: (now) => {
          clock.sync(now);
          heard();
        },
        onState: (next) => {
          // Shown only while behind (connection-controls.tsx), never while live or connecting: so the
          // first 'connecting', as the page mounts, costs no render of the board.
          if (next !== 'live' && next !== 'connecting') setLastDataAt(lastDataAtRef.current);
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
  }, [url, pollUrl, retryMs, heartbeatMs, boardTime]);

  const stop = useCallback(() => stream.current?.pause(), []);
  const resume = useCallback(() => stream.current?.resume(), []);
  const running = state !== 'paused' && state !== 'closed';
  return { state, running, lastDataAt, dropped, stop, resume };
}
