'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'paused' | 'closed';

export interface EventSourceOptions {
  /** The stream's path; the last id seen is added as `lastEventId` on each (re)connect. */
  url: string;
  /** The id the page's server-rendered data reflects, so nothing between render and connect is lost. */
  initialLastEventId: string;
  /** The event names to listen for. */
  eventNames: readonly string[];
  onEvent: (name: string, data: unknown) => void;
}

// After a failure the browser will not retry by itself (a non-SSE answer), we retry after this long.
const MANUAL_RETRY_MS = 3000;

/**
 * One EventSource for the component's life, closed on unmount (so Strict Mode's double effect leaves
 * one). `closedConnection` from the server stops it until `resume()`.
 */
export function useEventSource({ url, initialLastEventId, eventNames, onEvent }: EventSourceOptions) {
  const [state, setState] = useState<ConnectionState>('connecting');
  // Read on every event but shown only when the stream is not live, so it is state only then:
  // a render per event would undo the board's once-per-frame batching.
  const lastEventAtRef = useRef<number | null>(null);
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  // Bumped to open a new EventSource: on resume, or after the browser gave up.
  const [attempt, setAttempt] = useState(0);
  const [running, setRunning] = useState(true);
  const lastIdRef = useRef(initialLastEventId);
  const onEventRef = useRef(onEvent);
  const namesKey = eventNames.join(' ');

  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (!running) return;
    const source = new EventSource(`${url}?lastEventId=${encodeURIComponent(lastIdRef.current)}`);
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    source.onopen = () => setState('live');
    source.onerror = () => {
      setLastEventAt(lastEventAtRef.current);
      setState('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        retryTimer = setTimeout(() => setAttempt((n) => n + 1), MANUAL_RETRY_MS);
      }
    };
    for (const name of namesKey.split(' ')) {
      source.addEventListener(name, (message) => {
        if (message.lastEventId) lastIdRef.current = message.lastEventId;
        lastEventAtRef.current = Date.now();
        onEventRef.current(name, JSON.parse(message.data));
      });
    }
    source.addEventListener('closedConnection', () => {
      source.close();
      setLastEventAt(lastEventAtRef.current);
      setState('closed');
      setRunning(false);
    });
    return () => {
      clearTimeout(retryTimer);
      source.close();
    };
  }, [url, namesKey, running, attempt]);

  const stop = useCallback(() => {
    setLastEventAt(lastEventAtRef.current);
    setRunning(false);
    setState('paused');
  }, []);

  const resume = useCallback(() => {
    setState('connecting');
    setRunning(true);
  }, []);

  return { state, lastEventAt, stop, resume, running };
}
