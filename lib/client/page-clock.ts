import { boardTimeAt, type BoardTime } from '../time/board-time';

/**
 * The board's clock as this page knows it: anchored to the server's word (the render, then every
 * heartbeat's `now`) and run on from there at the board's speed with the page's monotonic clock, so a
 * browser whose own clock is wrong, or a sped-up board, does not drift from the server.
 */
export function createPageClock(boardTime: BoardTime, monotonic: () => number = () => performance.now()) {
  let anchor: { board: number; at: number } | null = null;
  return {
    /** The server says the board's time is `boardNowIso` now. */
    sync(boardNowIso: string) {
      const board = Date.parse(boardNowIso);
      if (Number.isFinite(board)) anchor = { board, at: monotonic() };
    },
    /** The board's time now, in milliseconds since the epoch. */
    now(): number {
      if (!anchor) return boardTimeAt(Date.now(), boardTime);
      return anchor.board + (monotonic() - anchor.at) * boardTime.speed;
    },
  };
}

export type PageClock = ReturnType<typeof createPageClock>;

let shared: PageClock | null = null;

/** The page's one board clock: the header's clock, the wall's and the stream's heartbeats share it. */
export function pageClock(boardTime: BoardTime): PageClock {
  return (shared ??= createPageClock(boardTime));
}
