'use client';

import type { BoardSnapshot } from '../flights/board';
import type { BoardTime } from '../time/board-time';
import { useBoardStream } from './use-board-stream';
import { useLiveBoard, type StatusChange } from './use-live-board';

/**
 * The board in the browser, kept live by the tab's one stream: what every page that shows flights
 * (the board, the wall, the gate and belt displays) starts from, so they share one stream code path.
 */
export function useLiveFlights({
  initial,
  retryMs,
  heartbeatMs,
  boardTime,
  onStatusChanges,
}: {
  initial: BoardSnapshot;
  retryMs: number;
  heartbeatMs: number;
  boardTime: BoardTime;
  onStatusChanges?: (changes: StatusChange[]) => void;
}) {
  const live = useLiveBoard(initial, onStatusChanges);
  const stream = useBoardStream({
    url: '/api/events',
    pollUrl: '/api/flights',
    initial,
    retryMs,
    heartbeatMs,
    boardTime,
    onSnapshot: live.replace,
    onEvent: live.receive,
  });
  return { ...live, ...stream };
}
