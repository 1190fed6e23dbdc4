import type { BoardEvent } from '../flights/board-event';

/** The collections a store keeps besides its log: each an id → JSON map (a SQLite table, a Redis hash). */
export type StoredCollection = 'flights' | 'notices' | 'screens';

/** What one event does to the stored collections: sets `key` to `json`, or deletes it (json null). */
export interface StoredChange {
  collection: StoredCollection;
  key: string;
  json: string | null;
}

/** The one place that says where each event's effect is kept, for every store. */
export function storedChangeOf(event: BoardEvent): StoredChange {
  switch (event.name) {
    case 'flightStateUpdate':
      return { collection: 'flights', key: event.data.id, json: JSON.stringify(event.data) };
    case 'flightRemoval':
      return { collection: 'flights', key: event.data.id, json: null };
    case 'noticePosted':
      return { collection: 'notices', key: event.data.id, json: JSON.stringify(event.data) };
    case 'noticeCleared':
      return { collection: 'notices', key: event.data.id, json: null };
    case 'screenChange':
      return { collection: 'screens', key: event.data.name, json: event.data.screen && JSON.stringify(event.data.screen) };
  }
}
