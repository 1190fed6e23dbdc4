import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { z } from 'zod';
import type { Board } from '../flights/board';
import type { LoggedEvent } from '../flights/board-event';
import type { EventLog } from './event-log';
import type { FinalSinceChange } from './final-since';
import { historyId, newEpoch, sequenceIn } from './history-id';
import { createLocalLog } from './local-log';
import { parseStoredEvent, parseStoredFlight, parseStoredHistoryEntry, parseStoredNotice, parseStoredScreen, StoredRecordError } from './stored-records';
import type { HistoryRecord } from './history';
import { storedChangeOf, type StoredCollection } from './stored-change';
import { signageFrom } from '../signage/signage';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS flights (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  -- AUTOINCREMENT never reuses a number, so ids keep rising across trims and restarts.
  CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data TEXT NOT NULL);
  -- The history's epoch, written once when the file is created: ids carry it (see history-id.ts).
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  -- When each flight now in a final status got there (see final-since.ts).
  CREATE TABLE IF NOT EXISTS final_since (id TEXT PRIMARY KEY, since TEXT NOT NULL);
  -- The active notices and the named screens, as the events left them.
  CREATE TABLE IF NOT EXISTS notices (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS screens (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  -- Every change of every flight, kept by age (AUDIT_RETENTION_DAYS), not by HISTORY_LIMIT.
  CREATE TABLE IF NOT EXISTS history (seq INTEGER PRIMARY KEY AUTOINCREMENT, flight_id TEXT NOT NULL, at TEXT NOT NULL, data TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS history_by_flight ON history (flight_id, seq);
`;

// Every row is checked as it is read: a file written by another program or version is refused
// with a clear error, never read by position or cast.
const metaRow = z.object({ value: z.string() });
const dataRow = z.object({ data: z.string() });
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

  // Table names come from this list, never from input.
  const collections: StoredCollection[] = ['flights', 'notices', 'screens'];
  const statements = (sql: (table: string) => string) =>
    Object.fromEntries(collections.map((table) => [table, db.prepare(sql(table))])) as Record<StoredCollection, StatementSync>;
  const upsert = statements((table) => `INSERT INTO ${table} (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data`);
  const remove = statements((table) => `DELETE FROM ${table} WHERE id = ?`);
  const dataOf = (table: StoredCollection) => rowsOf(dataRow, db.prepare(`SELECT data FROM ${table}`).all(), table).map(({ data }) => data);
  const historyData = (rows: unknown[]) => rowsOf(dataRow, rows, 'history').map(({ data }) => data);
  const insertEvent = db.prepare('INSERT INTO events (seq, name, data) VALUES (?, ?, ?)');
  const trimEvents = db.prepare('DELETE FROM events WHERE seq <= ?');
  const eventsAfter = db.prepare('SELECT seq, name, data FROM events WHERE seq > ? ORDER BY seq');
  const firstEvent = db.prepare('SELECT min(seq) AS seq FROM events');
  const lastSequence = db.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) AS seq");
  const ping = db.prepare('SELECT 1');

  const insertHistory = db.prepare('INSERT INTO history (flight_id, at, data) VALUES (?, ?, ?)');
  const historyOf = db.prepare('SELECT data FROM history WHERE flight_id = ? AND at >= ? ORDER BY seq');
  // A bounded batch from the oldest entries (by the key, so no index on time costs every write), so
  // a sweep of a large history never holds the event loop for long. Entries go in in time order.
  const pruneBatch = db.prepare('DELETE FROM history WHERE seq IN (SELECT seq FROM history ORDER BY seq LIMIT ?) AND at < ?');

  const setFinalSince = db.prepare('INSERT INTO final_since (id, since) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET since = excluded.since');
  const clearFinalSince = db.prepare('DELETE FROM final_since WHERE id = ?');

  function persist(entries: LoggedEvent[], finalSinceChanges: FinalSinceChange[], history: HistoryRecord[]) {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const { id, event } of entries) {
        insertEvent.run(sequenceIn(epoch, id)!, event.name, JSON.stringify(event.data));
        const change = storedChangeOf(event);
        if (change.json === null) remove[change.collection].run(change.key);
        else upsert[change.collection].run(change.key, change.json);
      }
      for (const { flightId, entry } of history) insertHistory.run(flightId, entry.at, JSON.stringify(entry));
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
      const board: Board = new Map(dataOf('flights').map(parseStoredFlight).map((flight) => [flight.id, flight]));
      const signage = signageFrom({ notices: dataOf('notices').map(parseStoredNotice), screens: dataOf('screens').map(parseStoredScreen) });
      const finals = rowsOf(finalSinceRow, db.prepare('SELECT id, since FROM final_since').all(), 'final_since');
      const finalSince = new Map(finals.map(({ id, since }) => [id, since]));
      return { board, signage, lastSequence: rowOf(sequenceRow, lastSequence.get(), 'sqlite_sequence').seq ?? 0, epoch, finalSince };
    },
    persist,
    readAfter: (sequence) =>
      rowsOf(eventRow, eventsAfter.all(sequence), 'events').map(({ seq, name, data }) => ({
        id: historyId(epoch, seq),
        event: parseStoredEvent(name, data),
      })),
    history: (flightId, since) => historyData(historyOf.all(flightId, since)).map(parseStoredHistoryEntry),
    pruneHistory: (before, limit) => Number(pruneBatch.run(limit, before).changes),
    firstRetained: () => rowOf(sequenceRow, firstEvent.get(), 'events').seq,
    check: () => ping.get(),
    close: () => db.close(),
  });
}
