import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Board } from '../flights/board';
import type { BoardEvent, LoggedEvent } from '../flights/board-event';
import type { Flight } from '../flights/flight';
import type { EventLog } from './event-log';
import { createLocalLog } from './local-log';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS flights (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  -- AUTOINCREMENT never reuses a number, so ids keep rising across trims and restarts.
  CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data TEXT NOT NULL);
`;

/** The default store: board and event log in one SQLite file (WAL), each write one transaction. */
export function createSqliteLog({ path: file, historyLimit }: { path: string; historyLimit: number }): EventLog {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL survives a killed process; only a power cut may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);

  const upsertFlight = db.prepare('INSERT INTO flights (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data');
  const deleteFlight = db.prepare('DELETE FROM flights WHERE id = ?');
  const insertEvent = db.prepare('INSERT INTO events (seq, name, data) VALUES (?, ?, ?)');
  const trimEvents = db.prepare('DELETE FROM events WHERE seq <= ?');
  const eventsAfter = db.prepare<[number], { seq: number; name: string; data: string }>(
    'SELECT seq, name, data FROM events WHERE seq > ? ORDER BY seq',
  );
  const firstEvent = db.prepare<[], { seq: number | null }>('SELECT min(seq) AS seq FROM events');
  const lastSequence = db.prepare<[], { seq: number }>(
    "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) AS seq",
  );

  const persist = db.transaction((entries: LoggedEvent[]) => {
    for (const { id, event } of entries) {
      insertEvent.run(Number(id), event.name, JSON.stringify(event.data));
      if (event.name === 'flightStateUpdate') upsertFlight.run(event.data.id, JSON.stringify(event.data));
      else deleteFlight.run(event.data.id);
    }
    trimEvents.run(Number(entries.at(-1)!.id) - historyLimit);
  });

  return createLocalLog({
    load() {
      const rows = db.prepare<[], { data: string }>('SELECT data FROM flights').all();
      const board: Board = new Map(rows.map(({ data }) => JSON.parse(data) as Flight).map((flight) => [flight.id, flight]));
      return { board, lastSequence: lastSequence.get()!.seq };
    },
    persist,
    readAfter: (sequence) =>
      eventsAfter.all(sequence).map(({ seq, name, data }) => ({
        id: String(seq),
        event: { name, data: JSON.parse(data) } as BoardEvent,
      })),
    firstRetained: () => firstEvent.get()!.seq,
    check: () => db.prepare('SELECT 1').get(),
    close: () => db.close(),
  });
}
