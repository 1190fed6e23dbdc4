import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import type { Flight } from '../flights/flight';
import { makeFlight } from '../flights/flight.fixture';
import { describeEventLogContract } from './event-log.contract';
import { createSqliteLog } from './sqlite-log';

const contractDir = mkdtempSync(path.join(tmpdir(), 'skyboard-contract-'));
afterAll(() => rmSync(contractDir, { recursive: true, force: true }));
const files = new WeakMap<object, string>();
describeEventLogContract(
  'sqlite',
  async ({ historyLimit }) => {
    const file = path.join(contractDir, `${randomUUID()}.db`);
    const log = createSqliteLog({ path: file, historyLimit });
    files.set(log, file);
    return log;
  },
  // The database file replaced: a new, empty file where it was.
  async (previous, { historyLimit }) => {
    const file = files.get(previous)!;
    await previous.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    return createSqliteLog({ path: file, historyLimit });
  },
  // A restart: the same file opened again.
  async (previous, { historyLimit }) => {
    const file = files.get(previous)!;
    await previous.close();
    const log = createSqliteLog({ path: file, historyLimit });
    files.set(log, file);
    return log;
  },
);

describe('sqlite event log on disk', () => {
  it('reads flights and events stored before actual and version existed as actual: null and version 1', async () => {
    const file = path.join(dir, 'old.db');
    const older: Partial<Flight> = makeFlight({ id: 'OLD1-2026-11-22', flight: 'OLD1' });
    delete older.actual;
    delete older.version;
    const db = new DatabaseSync(file);
    db.exec(`CREATE TABLE flights (id TEXT PRIMARY KEY, data TEXT NOT NULL);
      CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data TEXT NOT NULL);`);
    db.prepare('INSERT INTO flights (id, data) VALUES (?, ?)').run(older.id!, JSON.stringify(older));
    db.prepare('INSERT INTO events (name, data) VALUES (?, ?)').run('flightStateUpdate', JSON.stringify(older));
    db.close();
    const log = createSqliteLog({ path: file, historyLimit: 10 });
    expect((await log.snapshot()).flights).toEqual([makeFlight({ id: 'OLD1-2026-11-22', flight: 'OLD1' })]);
    const epoch = (await log.snapshot()).lastEventId.split('.')[0];
    expect((await log.readAfter(`${epoch}.0`))![0]!.event.data).toMatchObject({ id: 'OLD1-2026-11-22', actual: null, version: 1 });
    await log.close();
  });

  const dir = mkdtempSync(path.join(tmpdir(), 'skyboard-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file whose rows it did not write, saying which table, rather than half-trust them', async () => {
    const file = path.join(dir, 'foreign.db');
    const first = createSqliteLog({ path: file, historyLimit: 10 });
    await first.commit(() => ({ events: [{ name: 'flightStateUpdate', data: makeFlight() }], result: 0 }));
    await first.close();
    const db = new DatabaseSync(file);
    db.prepare('UPDATE flights SET data = ?').run(JSON.stringify({ ...makeFlight(), status: 'flying' }));
    db.close();
    expect(() => createSqliteLog({ path: file, historyLimit: 10 })).toThrow(/stored flight cannot be read \(status/);

    const events = path.join(dir, 'foreign-events.db');
    const second = createSqliteLog({ path: events, historyLimit: 10 });
    const { entries } = await second.commit(() => ({ events: [{ name: 'flightStateUpdate', data: makeFlight() }], result: 0 }));
    await second.commit(() => ({ events: [{ name: 'flightStateUpdate', data: makeFlight({ gate: 'C1' }) }], result: 0 }));
    const raw = new DatabaseSync(events);
    raw.prepare('UPDATE events SET data = ? WHERE seq = 2').run('{"id": 7}');
    raw.close();
    await expect(second.readAfter(entries[0]!.id)).rejects.toThrow(/cannot be read/);
    await second.close();
  });

  it('keeps the board, the history and rising ids across a reopen', async () => {
    const file = path.join(dir, 'nested', 'board.db');
    const first = createSqliteLog({ path: file, historyLimit: 3 });
    for (let i = 1; i <= 5; i++) {
      await first.commit(() => ({
        // The last one departed at 09:00: when it got there is kept with the board.
        events: [{ name: 'flightStateUpdate', data: makeFlight({ id: `A${i}-2026-11-22`, flight: `A${i}`, ...(i === 5 && { status: 'departed', updatedAt: '2026-11-22T09:00:00.000Z' }) }) }],
        result: undefined,
      }));
    }
    await first.commit(() => ({ events: [{ name: 'flightRemoval', data: { id: 'A1-2026-11-22', flight: 'A1' } }], result: 0 }));
    const before = await first.snapshot();
    await first.close();

    const reopened = createSqliteLog({ path: file, historyLimit: 3 });
    expect(await reopened.snapshot()).toEqual(before);
    expect(reopened.finalSince('A5-2026-11-22')).toBe('2026-11-22T09:00:00.000Z');
    // The same history: the same epoch, and ids that go on rising.
    const epoch = before.lastEventId.split('.')[0]!;
    expect(before.lastEventId).toBe(`${epoch}.6`);
    expect((await reopened.readAfter(`${epoch}.3`))!.map((entry) => entry.id)).toEqual([`${epoch}.4`, `${epoch}.5`, `${epoch}.6`]);
    expect(await reopened.readAfter(`${epoch}.2`)).toBeNull();
    const { entries } = await reopened.commit(() => ({
      events: [{ name: 'flightStateUpdate', data: makeFlight({ id: 'B1-2026-11-22' }) }],
      result: 0,
    }));
    expect(entries[0]!.id).toBe(`${epoch}.7`);
    await reopened.close();
  });
});
