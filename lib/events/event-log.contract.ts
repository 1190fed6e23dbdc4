import { describe, expect, it, vi } from 'vitest';
import { makeFlight } from '../flights/flight.fixture';
import type { BoardEvent } from '../flights/board-event';
import { makeNotice, makeScreen } from '../signage/signage.fixture';
import type { EventLog } from './event-log';

export type EventLogFactory = (options: { historyLimit: number }) => Promise<EventLog>;

/**
 * The same store after its history was lost (a memory store restarted, a Redis flushed, a SQLite
 * file replaced): closes `previous` and opens the store again, on what is left.
 */
export type HistoryLoss = (previous: EventLog, options: { historyLimit: number }) => Promise<EventLog>;

const upsert = (id: string, gate = 'A1'): BoardEvent => ({
  name: 'flightStateUpdate',
  data: makeFlight({ id, flight: id.split('-')[0], gate }),
});

const append = (log: EventLog, ...events: BoardEvent[]) =>
  log.commit(() => ({ events, result: undefined })).then(({ entries }) => entries);

/** The same store opened again by another process (a restart, another instance), which closes `previous`. */
export type Reopen = (previous: EventLog, options: { historyLimit: number }) => Promise<EventLog>;

const notice = (id: string, level: 'info' | 'emergency' = 'info'): BoardEvent => ({ name: 'noticePosted', data: makeNotice({ id, level }) });
const screen = (name: string, gate: string | null): BoardEvent => ({
  name: 'screenChange',
  data: { name, screen: gate === null ? null : makeScreen({ name, target: gate }) },
});

/**
 * The behaviour every event log must have; each store's test file runs it. `reopen` is given for
 * the stores that keep their data (SQLite, Redis).
 */
export function describeEventLogContract(name: string, create: EventLogFactory, loseHistory: HistoryLoss, reopen?: Reopen) {
  describe(`${name} event log (contract)`, () => {
    it('folds notice and screen events into the snapshot, beside the flights, and shows them to plans', async () => {
      const log = await create({ historyLimit: 100 });
      await append(log, notice('n-1'), notice('n-2', 'emergency'), screen('hall', 'A1'), upsert('A1-2026-11-22'));
      await append(log, { name: 'noticeCleared', data: { id: 'n-1' } }, screen('hall', 'B7'), screen('belt-3', 'C1'), screen('belt-3', null));
      const snapshot = await log.snapshot();
      expect(snapshot.flights.map((flight) => flight.id)).toEqual(['A1-2026-11-22']);
      expect(snapshot.notices).toEqual([makeNotice({ id: 'n-2', level: 'emergency' })]);
      expect(snapshot.screens).toEqual([makeScreen({ name: 'hall', target: 'B7' })]);
      const seen = await log.commit((board, signage) => ({ events: [], result: [board.size, [...signage.notices.keys()], [...signage.screens.keys()]] }));
      expect(seen.result).toEqual([1, ['n-2'], ['hall']]);
      await log.close();
    });

    it('replays notice and screen events in order with the flight events', async () => {
      const log = await create({ historyLimit: 100 });
      const [first] = await append(log, upsert('A1-2026-11-22'));
      const rest = await append(log, notice('n-1'), screen('hall', 'A1'), { name: 'noticeCleared', data: { id: 'n-1' } }, upsert('B2-2026-11-22'));
      expect(await log.readAfter(first!.id)).toEqual(rest);
      await log.close();
    });

    it('keeps each flight’s history with every write, signed by its author: creation, changes field by field, removal', async () => {
      const log = await create({ historyLimit: 2 });
      const created = makeFlight({ id: 'H1-2026-12-04', flight: 'H1', gate: 'A1', updatedAt: '2026-12-04T10:00:00.000Z' });
      await log.commit(() => ({ events: [{ name: 'flightStateUpdate', data: created }], result: 0 }), { actor: 'ops', source: 'api' });
      const moved = { ...created, gate: 'B7', status: 'boarding' as const, updatedAt: '2026-12-04T10:05:00.000Z', version: 2 };
      await log.commit(() => ({ events: [{ name: 'flightStateUpdate', data: moved }, upsert('OTHER-2026-12-04')], result: 0 }), { actor: 'simulator', source: 'simulator' });
      await log.commit(() => ({ events: [{ name: 'flightRemoval', data: { id: 'H1-2026-12-04', flight: 'H1' } }], result: 0 }), { actor: 'retention', source: 'retention' });
      // HISTORY_LIMIT (2 events here) trims the log, never the history.
      const history = await log.history('H1-2026-12-04', '2026-01-01T00:00:00.000Z');
      expect(history.map(({ actor, source }) => [actor, source])).toEqual([['ops', 'api'], ['simulator', 'simulator'], ['retention', 'retention']]);
      expect(history[0]!.changes).toMatchObject({ flight: [null, 'H1'], gate: [null, 'A1'], status: [null, 'scheduled'] });
      expect(history[0]!.changes).not.toHaveProperty('updatedAt');
      expect(history[1]).toEqual({ at: '2026-12-04T10:05:00.000Z', actor: 'simulator', source: 'simulator', changes: { gate: ['A1', 'B7'], status: ['scheduled', 'boarding'] } });
      expect(history[2]!.changes).toMatchObject({ gate: ['B7', null], flight: ['H1', null] });
      expect(await log.history('NOBODY-2026-12-04', '2026-01-01T00:00:00.000Z')).toEqual([]);
      await log.close();
    });

    it('writes no history for a refused plan, and prunes entries by age in bounded batches', async () => {
      const log = await create({ historyLimit: 100 });
      const at = (minute: number) => `2026-12-04T10:0${minute}:00.000Z`;
      for (let minute = 0; minute < 5; minute++) {
        await append(log, { name: 'flightStateUpdate', data: makeFlight({ id: 'P1-2026-12-04', flight: 'P1', gate: `G${minute}`, updatedAt: at(minute) }) });
      }
      await log.commit(() => {
        throw new Error('refused');
      }).catch(() => undefined);
      expect(await log.history('P1-2026-12-04', at(0))).toHaveLength(5);
      expect(await log.history('P1-2026-12-04', at(3))).toHaveLength(2);
      expect(await log.pruneHistory('2020-01-01T00:00:00.000Z', 2)).toBe(0);
      expect(await log.history('P1-2026-12-04', at(0))).toHaveLength(5);
      const sweeps: number[] = [];
      for (let removed = -1; removed !== 0; ) sweeps.push((removed = await log.pruneHistory('2999-01-01T00:00:00.000Z', 2)));
      expect(sweeps[0]).toBeGreaterThan(0);
      expect(await log.history('P1-2026-12-04', at(0))).toEqual([]);
      await log.close();
    });

    if (reopen) {
      it('keeps notices and screens across a reopen', async () => {
        const log = await create({ historyLimit: 100 });
        await append(log, notice('n-1', 'emergency'), notice('n-2'), screen('hall', 'A1'), screen('gate-b7', 'B7'), upsert('A1-2026-11-22'));
        await append(log, { name: 'noticeCleared', data: { id: 'n-2' } }, screen('gate-b7', null));
        const before = await log.snapshot();
        const reopened = await reopen(log, { historyLimit: 100 });
        expect(await reopened.snapshot()).toEqual(before);
        expect(before.notices.map((n) => n.id)).toEqual(['n-1']);
        expect(before.screens.map((s) => s.name)).toEqual(['hall']);
        await reopened.close();
      });

      it('keeps the history across a reopen', async () => {
        const log = await create({ historyLimit: 1 });
        await append(log, upsert('K1-2026-12-04', 'A1'));
        await append(log, upsert('K1-2026-12-04', 'B2'));
        const before = await log.history('K1-2026-12-04', '2026-01-01T00:00:00.000Z');
        const reopened = await reopen(log, { historyLimit: 1 });
        expect(await reopened.history('K1-2026-12-04', '2026-01-01T00:00:00.000Z')).toEqual(before);
        expect(before).toHaveLength(2);
        await reopened.close();
      });
    }

    it('never reuses an id across histories: an id from before the loss is unknown, not somebody else’s event', async () => {
      const before = await create({ historyLimit: 100 });
      const old = await append(before, upsert('H1-2026-11-22'), upsert('H2-2026-11-22'), upsert('H3-2026-11-22'));
      const after = await loseHistory(before, { historyLimit: 100 });
      const fresh = [];
      for (let i = 0; i < 6; i++) fresh.push(...(await append(after, upsert(`N${i}-2026-11-22`))));
      const oldIds = new Set(old.map((entry) => entry.id));
      expect(fresh.filter((entry) => oldIds.has(entry.id))).toEqual([]);
      for (const { id } of old) expect(await after.readAfter(id)).toBeNull();
      expect(await after.readAfter((await after.snapshot()).lastEventId)).toEqual([]);
      await after.close();
    });

    it('keeps when a flight reached its final status through later writes, and forgets it when it leaves that status', async () => {
      const log = await create({ historyLimit: 100 });
      const at = (time: string) => `2026-11-22T${time}:00.000Z`;
      const write = (status: 'departed' | 'cancelled' | 'scheduled', updatedAt: string, gate = 'A1') =>
        append(log, { name: 'flightStateUpdate', data: makeFlight({ id: 'F1-2026-11-22', flight: 'F1', status, gate, updatedAt }) });
      await write('scheduled', at('10:00'));
      expect(log.finalSince('F1-2026-11-22')).toBeUndefined();
      await write('departed', at('10:05'));
      await write('departed', at('10:20'), 'B7');
      expect(log.finalSince('F1-2026-11-22')).toBe(at('10:05'));
      await write('cancelled', at('10:30'));
      expect(log.finalSince('F1-2026-11-22')).toBe(at('10:05'));
      await write('scheduled', at('10:40'));
      expect(log.finalSince('F1-2026-11-22')).toBeUndefined();
      await write('cancelled', at('10:50'));
      expect(log.finalSince('F1-2026-11-22')).toBe(at('10:50'));
      await append(log, { name: 'flightRemoval', data: { id: 'F1-2026-11-22', flight: 'F1' } });
      expect(log.finalSince('F1-2026-11-22')).toBeUndefined();
      await log.close();
    });

    it('starts empty, and its snapshot id resumes with nothing to replay', async () => {
      const log = await create({ historyLimit: 100 });
      const snapshot = await log.snapshot();
      expect(snapshot.flights).toEqual([]);
      expect(await log.readAfter(snapshot.lastEventId)).toEqual([]);
      await log.close();
    });

    it('gives every event a unique id in append order', async () => {
      const log = await create({ historyLimit: 100 });
      const entries = [
        ...(await append(log, upsert('A1-2026-11-22'), upsert('A2-2026-11-22'))),
        ...(await append(log, upsert('A3-2026-11-22'))),
      ];
      const ids = entries.map((entry) => entry.id);
      expect(new Set(ids).size).toBe(3);
      for (let i = 1; i < ids.length; i++) expect(log.compareIds(ids[i - 1]!, ids[i]!)).toBeLessThan(0);
      expect((await log.snapshot()).lastEventId).toBe(ids[2]);
      await log.close();
    });

    it('folds events into the snapshot: upserts replace, removals delete', async () => {
      const log = await create({ historyLimit: 100 });
      await append(log, upsert('A1-2026-11-22', 'A1'), upsert('B2-2026-11-22'));
      await append(log, upsert('A1-2026-11-22', 'C9'));
      await append(log, { name: 'flightRemoval', data: { id: 'B2-2026-11-22', flight: 'B2' } });
      const { flights } = await log.snapshot();
      expect(flights.map((flight) => [flight.id, flight.gate])).toEqual([['A1-2026-11-22', 'C9']]);
      await log.close();
    });

    it('replays exactly the events after a retained id, in order', async () => {
      const log = await create({ historyLimit: 100 });
      const entries = await append(log, ...['A', 'B', 'C', 'D'].map((code) => upsert(`${code}1-2026-11-22`)));
      const replay = await log.readAfter(entries[1]!.id);
      expect(replay).toEqual(entries.slice(2));
      expect(await log.readAfter(entries[3]!.id)).toEqual([]);
      await log.close();
    });

    it('replays at most atMost events: a longer replay answers null, so the caller sends the snapshot', async () => {
      const log = await create({ historyLimit: 2000 });
      // More than one page of a store that reads in pages.
      const entries = await append(log, ...Array.from({ length: 1200 }, (_, i) => upsert(`P${i}-2026-11-22`)));
      expect(await log.readAfter(entries[0]!.id, 1198)).toBeNull();
      expect(await log.readAfter(entries[0]!.id, 1199)).toEqual(entries.slice(1));
      expect(await log.readAfter(entries[1196]!.id, 3)).toEqual(entries.slice(1197));
      await log.close();
    });

    it.each(['', 'abc', '-1', '1e3', '0x10', ' 1', '99999999999999999999999', '1-0-0', '../../etc'])(
      'answers null for the malformed id %j',
      async (id) => {
        const log = await create({ historyLimit: 100 });
        await append(log, upsert('A1-2026-11-22'));
        expect(await log.readAfter(id)).toBeNull();
        await log.close();
      },
    );

    it('answers null for an id beyond the last one', async () => {
      const log = await create({ historyLimit: 100 });
      await append(log, upsert('A1-2026-11-22'));
      // A log written later has ids past this one's last, whatever the store's id scheme.
      const later = await create({ historyLimit: 100 });
      const entries = await append(later, upsert('A1-2026-11-22'), upsert('A2-2026-11-22'), upsert('A3-2026-11-22'));
      await later.close();
      expect(await log.readAfter(entries[2]!.id)).toBeNull();
      await log.close();
    });

    it('keeps at least HISTORY_LIMIT events and answers null for ids older than that', async () => {
      // Enough appends that even a store trimming in whole blocks (Redis MAXLEN ~) has trimmed.
      const log = await create({ historyLimit: 5 });
      const entries = [];
      for (let i = 0; i < 300; i++) entries.push(...(await append(log, upsert(`T${i}-2026-11-22`))));
      expect(await log.readAfter(entries[0]!.id)).toBeNull();
      const tail = await log.readAfter(entries[294]!.id);
      expect(tail).toEqual(entries.slice(295));
      expect((await log.snapshot()).flights).toHaveLength(300);
      await log.close();
    });

    it('appends nothing and tells nobody when the plan refuses', async () => {
      const log = await create({ historyLimit: 100 });
      const listener = vi.fn();
      log.subscribe(listener);
      await append(log, upsert('A1-2026-11-22'));
      // A store may tell its subscribers a moment after the commit returns: wait for that first.
      await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
      listener.mockClear();
      const before = await log.snapshot();
      await expect(
        log.commit(() => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await log.snapshot()).toEqual(before);
      expect(await log.readAfter(before.lastEventId)).toEqual([]);
      // The marker: the first event subscribers hear after the refusal is the next write's.
      const [marker] = await append(log, upsert('M1-2026-11-22'));
      await vi.waitFor(() => expect(listener).toHaveBeenCalled());
      expect(listener.mock.calls[0]![0]).toEqual(marker);
      await log.close();
    });

    it('tells subscribers every appended event in order, until they unsubscribe', async () => {
      const log = await create({ historyLimit: 100 });
      const seen: string[] = [];
      const unsubscribe = log.subscribe((entry) => seen.push(entry.id));
      const entries = await append(log, upsert('A1-2026-11-22'), upsert('A2-2026-11-22'));
      await vi.waitFor(() => expect(seen).toEqual(entries.map((entry) => entry.id)));
      unsubscribe();
      // The marker: a subscriber that stays hears A3 and then A4; by then the one that left would have heard A3.
      const staying: string[] = [];
      log.subscribe((entry) => staying.push(entry.id));
      await append(log, upsert('A3-2026-11-22'));
      const [marker] = await append(log, upsert('A4-2026-11-22'));
      await vi.waitFor(() => expect(staying.at(-1)).toBe(marker!.id));
      expect(seen).toHaveLength(2);
      await log.close();
    });

    it('serialises concurrent writes: each plan sees the board the previous one left', async () => {
      const log = await create({ historyLimit: 100 });
      await append(log, upsert('A1-2026-11-22', '0'));
      const increment = () =>
        log.commit((board) => {
          const current = board.get('A1-2026-11-22')!;
          const gate = String(Number(current.gate) + 1);
          return { events: [{ name: 'flightStateUpdate', data: { ...current, gate } }], result: gate };
        });
      const results = await Promise.all(Array.from({ length: 10 }, increment));
      expect(results.map((r) => r.result).sort((a, b) => Number(a) - Number(b))).toEqual(
        Array.from({ length: 10 }, (_, i) => String(i + 1)),
      );
      expect((await log.snapshot()).flights[0]!.gate).toBe('10');
      await log.close();
    });
  });
}
