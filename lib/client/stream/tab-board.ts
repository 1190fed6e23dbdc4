import { applyEventsInPlace, type BoardContent } from '../../flights/board';
import type { BoardEvent } from '../../flights/board-event';
import { applySignageEventsInPlace, signageFrom, signageLists } from '../../signage/signage';
import type { LinkState } from './event-source-connection';

/** What one tab's status indicator says (CONTRACT section 5). */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'paused' | 'closed';

export interface TabStreamHandlers {
  /** Replace the tab's board: a snapshot from the server, or a catch-up after Resume or a new leader. */
  onSnapshot(content: BoardContent): void;
  onEvent(event: BoardEvent): void;
  /** The board's time now, from a heartbeat of the stream. */
  onHeartbeat(boardNow: string): void;
  onState(state: ConnectionState): void;
  /** A malformed frame was dropped at the edge. */
  onDropped(): void;
}

/**
 * The shared board as this tab knows it (kept even while the tab is paused, so it can resume or
 * take the lead from where the others are), and what the tab shows of it.
 */
export function createTabBoard(initial: BoardContent, initialLastEventId: string, handlers: TabStreamHandlers) {
  let mirror = new Map(initial.flights.map((flight) => [flight.id, flight]));
  let signage = signageFrom(initial);
  const tab = {
    lastId: initialLastEventId,
    link: 'connecting' as LinkState,
    /** The leader whose board this tab has (itself when leading); null until one has sent it. */
    syncedWith: null as string | null,
    /** This tab's user wants updates (not Stopped, not closed by the server since). */
    running: true,
    /** The tab shows `Closed by server` until its user resumes. */
    closedByServer: false,
    /** The server closed the stream and no tab of the browser has asked for updates since: it stays shut. */
    serverClosed: false,
    content: (): BoardContent => ({ flights: [...mirror.values()], ...signageLists(signage) }),
    report() {
      if (tab.closedByServer) return handlers.onState('closed');
      if (!tab.running) return handlers.onState('paused');
      if (tab.syncedWith === null) return handlers.onState('connecting');
      handlers.onState(tab.link === 'closed' ? 'connecting' : tab.link);
    },
    takeSnapshot(content: BoardContent, id: string) {
      mirror = new Map(content.flights.map((flight) => [flight.id, flight]));
      signage = signageFrom(content);
      tab.lastId = id;
      if (tab.running) handlers.onSnapshot(content);
    },
    takeEvent(event: BoardEvent, id: string) {
      applyEventsInPlace(mirror, [event]);
      applySignageEventsInPlace(signage, [event]);
      if (id) tab.lastId = id;
      if (tab.running) handlers.onEvent(event);
    },
    takeHeartbeat(now: string) {
      if (tab.running) handlers.onHeartbeat(now);
    },
    /** The server closed the stream: every tab reads `Closed by server`, paused ones too. */
    takeClosed() {
      tab.closedByServer = true;
      tab.serverClosed = true;
      tab.running = false;
      tab.report();
    },
    /** The tab's user asks for updates again: caught up from the shared board at once. */
    resume() {
      tab.running = true;
      tab.closedByServer = false;
      tab.serverClosed = false;
      if (tab.syncedWith !== null) handlers.onSnapshot(tab.content());
      tab.report();
    },
  };
  return tab;
}

export type TabBoard = ReturnType<typeof createTabBoard>;
