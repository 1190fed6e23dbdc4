'use client';

import { useCallback } from 'react';
import type { BoardContent, BoardSnapshot } from '../flights/board';
import { isFlightEvent, type BoardEvent } from '../flights/board-event';
import type { BoardTime } from '../time/board-time';
import { knowZoneOffsets } from '../time/format-clock';
import type { ZoneOffsets } from '../time/zone-offsets';
import { useBoardStream } from './use-board-stream';
import { useLiveBoard } from './use-live-board';
import { useLiveSignage } from './use-live-signage';

/**
 * The board and its signage (notices, named screens) in the browser, kept live by the tab's one
 * stream: what every page that shows flights (the board, the wall, the displays, the named screens)
 * starts from, so they share one stream code path.
 */
export function useLiveFlights({
  initial,
  retryMs,
  heartbeatMs,
  boardTime,
  zoneOffsets,
}: {
  initial: BoardSnapshot;
  retryMs: number;
  heartbeatMs: number;
  boardTime: BoardTime;
  /** The airport's UTC offsets, from the server: the page's clock times need no ICU (format-clock.ts). */
  zoneOffsets: ZoneOffsets;
}) {
  // Before anything below formats a time. Filling a cache with the same data is safe to repeat, so
  // doing it during render is, too.
  knowZoneOffsets(zoneOffsets);
  const live = useLiveBoard(initial);
  const signage = useLiveSignage(initial);
  const { replace: replaceFlights, receive: receiveFlight } = live;
  const { replace: replaceSignage, receive: receiveSignage } = signage;
  const onSnapshot = useCallback(
    (content: BoardContent) => {
      replaceFlights(content.flights);
      replaceSignage(content);
    },
    [replaceFlights, replaceSignage],
  );
  const onEvent = useCallback((event: BoardEvent) => (isFlightEvent(event) ? receiveFlight(event) : receiveSignage(event)), [receiveFlight, receiveSignage]);
  const stream = useBoardStream({
    url: '/api/events',
    pollUrl: '/api/flights',
    initial,
    retryMs,
    heartbeatMs,
    boardTime,
    onSnapshot,
    onEvent,
  });
  return { ...live, signage: signage.signage, ...stream };
}

/** The live board and its stream, as a page's content receives it from the one hook. */
export type LiveFlights = ReturnType<typeof useLiveFlights>;
