import type { BoardEvent } from '../flights/board-event';
import type { Notice } from './notice';
import type { Screen } from './screen';

/** What the screens show besides flights: the active notices by id and the named screens by name. */
export interface Signage {
  notices: ReadonlyMap<string, Notice>;
  screens: ReadonlyMap<string, Screen>;
}

/** Signage its owner may update in place (a store's copy, a tab's mirror). */
export interface MutableSignage {
  notices: Map<string, Notice>;
  screens: Map<string, Screen>;
}

export const emptySignage = (): MutableSignage => ({ notices: new Map(), screens: new Map() });

export function signageFrom({ notices, screens }: { notices: readonly Notice[]; screens: readonly Screen[] }): MutableSignage {
  return {
    notices: new Map(notices.map((notice) => [notice.id, notice])),
    screens: new Map(screens.map((screen) => [screen.name, screen])),
  };
}

/** The notice and screen events of `events` folded into `signage`; flight events pass by. The same on server and browser. */
export function applySignageEventsInPlace(signage: MutableSignage, events: Iterable<BoardEvent>): MutableSignage {
  for (const event of events) {
    if (event.name === 'noticePosted') signage.notices.set(event.data.id, event.data);
    else if (event.name === 'noticeCleared') signage.notices.delete(event.data.id);
    else if (event.name === 'screenChange') {
      if (event.data.screen) signage.screens.set(event.data.name, event.data.screen);
      else signage.screens.delete(event.data.name);
    }
  }
  return signage;
}

/** Signage as lists, the form a snapshot carries. */
export const signageLists = (signage: Signage) => ({ notices: [...signage.notices.values()], screens: [...signage.screens.values()] });
