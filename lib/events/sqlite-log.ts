import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { Board } from '../flights/board';
import type { LoggedEvent } from '../flights/board-event';
import type { EventLog } from './event-log';
import type { FinalSinceChange } from './final-since';
import { historyId, newEpoch, sequenceIn } from './history-id';
import { createLocalLog } from './local-log';
import { parseStoredEvent, parseStoredFlight, StoredRecordError } from './stored-records';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS flights (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  -- AUTOINCREMENT never reuses a number, so ids keep rising across trims and restarts.
  CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data TEXT NOT NULL);
  -- The history's epoch, written once when the file is created: ids carry it (see history-id.ts).
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  -- When each flight now in a final status got there (see final-since.ts).
  CREATE TABLE IF NOT EXISTS final_since (id TEXT PRIMARY KEY, since TEXT NOT NULL);
`;

// Every row is checked as it is read: a file written by another program or version is refused
// with a clear error, never read by position or cast.
const metaRow = z.object({ value: z.string() });
const flightRow = z.object({ data: z.string() });
const eventRow = z.object({ seq: z.number().int(), name: z.string(), data: z.string() });
const finalSinceRow = z.object({ id: z.string(), since: z.string() });
const sequenceRow = z.object({ seq: z.number().int().nullable() });

function rowOf<T>(schema: z.ZodType<T>, row: unknown, table: string): T {
  const result = schema.safeParse(row);
  if (!result.success) throw new StoredRecordError(`A row of the SQLite table "${table}" is not one Skyboard wrote: ${result.error.issues[0]!.message}.`);
  return result.data;
}
const rowsOf = <T>(schema: z.ZodType<T>, rows: unknown[], table: string) => rows.map((row) => rowOf(schema, row, table));

/**
 * The default store: board and event log in one SQLite file (WAL), each write one transaction.
 * Node's built-in `node:sqlite`, so installing Skyboard compiles nothing.
 */
export function createSqliteLog({ path: file, historyLimit }: { path: string; historyLimit: number }): EventLog {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  // In WAL mode NORMAL survives a killed process; only a power cut may lose the last commits.
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec(SCHEMA);
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('epoch', ?)").run(newEpoch());
  const { value: epoch } = rowOf(metaRow, db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get(), 'meta');

  const upsertFlight = db.prepare('INSERT INTO flights (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data');
  const deleteFlight = db.prepare('DELETE FROM flights WHERE id = ?');
  const insertEvent = db.prepare('INSERT INTO events (seq, name, data) VALUES (?, ?, ?)');
  const trimEvents = db.prepare('DELETE FROM events WHERE seq <= ?');
  const eventsAfter = db.prepare('SELECT seq, name, data FROM events WHERE seq > ? ORDER BY seq');
  const firstEvent = db.prepare('SELECT min(seq) AS seq FROM events');
  const lastSequence = db.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) AS seq");
  const ping = db.prepare('SELECT 1');

  const setFinalSince = db.prepare('INSERT INTO final_since (id, since) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET since = excluded.since');
  const clearFinalSince = db.prepare('DELETE FROM final_since WHERE id = ?');

  function persist(entries: LoggedEvent[], finalSinceChanges: FinalSinceChange[]) {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const { id, event } of entries) {
        insertEvent.run(sequenceIn(epoch, id)!, event.name, JSON.stringify(event.data));
        if (event.name === 'flightStateUpdate') upsertFlight.run(event.data.id, JSON.stringify(event.data));
        else deleteFlight.run(event.data.id);
      }
      for (const [id, since] of finalSinceChanges) {
        if (since === null) clearFinalSince.run(id);
        else setFinalSince.run(id, since);
      }
      trimEvents.run(sequenceIn(epoch, entries.at(-1)!.id)! - historyLimit);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  return createLocalLog({
    load() {
      const rows = rowsOf(flightRow, db.prepare('SELECT data FROM flights').all(), 'flights');
      const board: Board = new Map(rows.map(({ data }) => parseStoredFlight(data)).map((flight) => [flight.id, flight]));
      const finals = rowsOf(finalSinceRow, db.prepare('SELECT id, since FROM final_since').all(), 'final_since');
      const finalSince = new Map(finals.map(({ id, since }) => [id, since]));
      return { board, lastSequence: rowOf(sequenceRow, lastSequence.get(), 'sqlite_sequence').seq ?? 0, epoch, finalSince };
    },
    persist,
    readAfter: (sequence) =>
      rowsOf(eventRow, eventsAfter.all(sequence), 'events').map(({ seq, name, data }) => ({
        id: historyId(epoch, seq),
        event: parseStoredEvent(name, data),
      })),
    firstRetained: () => rowOf(sequenceRow, firstEvent.get(), 'events').seq,
    check: () => ping.get(),
    close: () => db.close(),
  });
}
