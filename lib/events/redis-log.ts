import { Redis } from 'ioredis';
import { applyEventsInPlace } from '../flights/board';
import type { LoggedEvent } from '../flights/board-event';
import type { Flight } from '../flights/flight';
import { CodedError } from '../errors/coded-error';
import { componentLogger } from '../log/logger';
import { commitOutcome, hashOf, historyEntries, holdsEveryEntry, rangeEvents, readEvents, stringOrNull } from './redis-replies';
import { parseStoredFlight, parseStoredNotice, parseStoredScreen, StoredRecordError } from './stored-records';
import { storedChangeOf, type StoredCollection } from './stored-change';
import { applySignageEventsInPlace, emptySignage, signageFrom, signageLists } from '../signage/signage';
import type { EventListener, EventLog, WritePlan } from './event-log';
import { applyFinalSinceChanges, finalSinceChanges } from './final-since';
import { createRedisOutageLog, type RedisOutageLog } from './redis-outage-log';
import { redisKeys } from './redis-keys';
import { COMMIT_SCRIPT, PRUNE_HISTORY_SCRIPT, RESTORE_SCRIPT } from './redis-scripts';
import { historyOfEvents, UNSIGNED, type Author } from './history';
import { compareStreamIds, parseStreamId } from './stream-id';

export interface RedisLogOptions {
  url: string;
  prefix: string;
  historyLimit: number;
  /** How long each flight's history is kept (AUDIT_RETENTION_DAYS); entries older are trimmed as it grows. */
  auditRetentionMs?: number;
  /** The process's one log of Redis outages (a private one by default). */
  outage?: RedisOutageLog;
}

const READ_BLOCK_MS = 2000;
// A replay is read in pages of this many entries, so no one reply holds a whole history.
const READ_PAGE = 500;
const RETRY_PAUSE_MS = 250;
const HEALTH_PING_MS = 1000;
const MAX_COMMIT_ATTEMPTS = 50;
// Where each collection's hash sits in the KEYS of the commit and restore scripts (both have them at 3 to 5, in this order).
const HASH_INDEX: Record<StoredCollection, string> = { flights: '3', notices: '4', screens: '5' };

/** Resolves once `connection` is ready, waiting a moment for one still connecting; else rejects. */
function connectionReady(connection: Redis, waitMs = 1000) {
  if (connection.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      connection.off('ready', onReady);
      reject(new Error(`Redis connection is ${connection.status}.`));
    }, waitMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    connection.once('ready', onReady);
  });
}

const unavailable = () => new CodedError('store_unavailable', 'The store (Redis) is not answering; try again in a moment.');

/**
 * The shared log for many instances: events in a Redis Stream (its entry ids are the SSE ids), the
 * board in a hash. Each process keeps one copy of the board and one blocking reader on its own
 * connection, and fans events out in memory.
 */
export function createRedisLog({ url, prefix, historyLimit, auditRetentionMs = 30 * 86_400_000, outage = createRedisOutageLog() }: RedisLogOptions): EventLog {
  const keys = redisKeys(prefix);
  // Commands fail at once while Redis is away, so a write answers 503 instead of hanging. ioredis
  // keeps reconnecting by itself, from the first attempt on, however long Redis takes to come up.
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  // A blocking read ties up its connection: the reader gets its own. It must fail, not be silently
  // re-sent, when the connection drops, so the loop can check what Redis still has before reading on.
  const reader = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false });
  outage.watch(client);
  outage.watch(reader);

  // Owned by this log alone (snapshots copy it), so events apply in place.
  let board = new Map<string, Flight>();
  let signage = emptySignage();
  let finalSince = new Map<string, string>();
  let boardLastId = '0-0'; // the last event the board includes (our own writes apply at once)
  let cursor = '0-0'; // the last event handed to listeners
  let readerHealthy = false;
  let closed = false;
  const listeners = new Set<EventListener>();
  const resetCallbacks = new Set<() => void>();
  const boardWaiters = new Set<() => void>();
  let writeQueue: Promise<unknown> = Promise.resolve();

  async function loadBoard() {
    const replies =
      (await client.multi().hgetall(keys.flights).get(keys.last).hgetall(keys.finalSince).hgetall(keys.notices).hgetall(keys.screens).exec()) ?? [];
    const [flights, last, finals, notices, screens] = replies.map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    board = new Map(Object.values(hashOf(flights)).map(parseStoredFlight).map((flight) => [flight.id, flight]));
    signage = signageFrom({ notices: Object.values(hashOf(notices)).map(parseStoredNotice), screens: Object.values(hashOf(screens)).map(parseStoredScreen) });
    finalSince = new Map(Object.entries(hashOf(finals)).filter(([id]) => board.has(id)));
    boardLastId = stringOrNull(last) ?? '0-0';
    cursor = boardLastId;
  }

  // The board is loaded once Redis first answers. A failed load is forgotten, so the next write or
  // read tries again: an instance started before its Redis works as soon as Redis is up.
  let loaded: Promise<void> | null = null;
  let boardLoaded = false;
  function whenLoaded() {
    loaded ??= (async () => {
      await connectionReady(client);
      await loadBoard();
      boardLoaded = true;
    })().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  }

  function deliver(entries: LoggedEvent[]) {
    for (const { id, event } of entries) {
      if (compareStreamIds(id, boardLastId) > 0) {
        applyFinalSinceChanges(finalSince, finalSinceChanges(board, finalSince, [event]));
        applyEventsInPlace(board, [event]);
        applySignageEventsInPlace(signage, [event]);
        boardLastId = id;
      }
      cursor = id;
      for (const listener of listeners) listener({ id, event });
    }
    for (const wake of boardWaiters) wake();
  }

  /** After a lost connection: go on from the cursor if Redis still has everything after it, else start over. */
  async function resync() {
    const last = await client.get(keys.last);
    if (last === null && boardLastId !== '0-0') {
      const triples = [
        ...[...board.values()].map((flight) => [HASH_INDEX.flights, flight.id, JSON.stringify(flight)]),
        ...[...signage.notices.values()].map((notice) => [HASH_INDEX.notices, notice.id, JSON.stringify(notice)]),
        ...[...signage.screens.values()].map((screen) => [HASH_INDEX.screens, screen.name, JSON.stringify(screen)]),
      ].flat();
      await client.eval(RESTORE_SCRIPT, 6, keys.events, keys.last, keys.flights, keys.notices, keys.screens, keys.floor, ...triples);
    } else if (last !== null && (await replayable(cursor))) {
      return;
    }
    await loadBoard();
    for (const callback of resetCallbacks) callback();
  }

  async function readLoop() {
    let needsResync = false;
    let lastRefusal = '';
    while (!closed) {
      try {
        // Until Redis has answered once there is no board to resync: load it, as a write would.
        if (!boardLoaded) {
          await whenLoaded();
          needsResync = false;
        } else if (needsResync) {
          await resync();
          needsResync = false;
        }
        readerHealthy = reader.status === 'ready';
        const entries = readEvents(await reader.xread('COUNT', 1000, 'BLOCK', READ_BLOCK_MS, 'STREAMS', keys.events, cursor));
        if (entries.length > 0) deliver(entries);
      } catch (error) {
        if (closed) return;
        // A record this version cannot read stops the reader (the instance reads unhealthy) rather
        // than be skipped: said once, not once a retry.
        if (error instanceof StoredRecordError && error.message !== lastRefusal) componentLogger('redis').error((lastRefusal = error.message));
        readerHealthy = false;
        needsResync = true;
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      }
    }
  }
  void readLoop();

  /**
   * Whether the events after `id` are all still in the stream. An id must be one this stream still
   * holds (or the floor a restore left): an id from another history (before a flush, another Redis)
   * is unknown, however it compares. `0-0`, the empty board's id, replays a stream that never lost
   * its head.
   */
  async function replayable(id: string) {
    const [info, floor] = await Promise.all([
      client.xinfo('STREAM', keys.events).catch(() => null),
      client.get(keys.floor),
    ]);
    if (floor !== null) {
      if (id === floor) return true;
      if (compareStreamIds(id, floor) < 0) return false;
    }
    if (id === '0-0') return floor === null && (info === null || holdsEveryEntry(info));
    return (await client.xrange(keys.events, id, id)).length === 1;
  }

  function waitForBoard(id: string) {
    return new Promise<void>((resolve) => {
      const check = () => {
        if (compareStreamIds(boardLastId, id) >= 0 || closed) {
          boardWaiters.delete(check);
          resolve();
        }
      };
      boardWaiters.add(check);
      check();
    });
  }

  /**
   * Stores when flights became final, for instances that start later (the others follow the stream).
   * Best effort after the commit: if it is lost, retention falls back on the flight's updatedAt.
   */
  async function keepFinalSince(changes: ReturnType<typeof finalSinceChanges>) {
    if (changes.length === 0) return;
    const batch = client.multi();
    for (const [id, since] of changes) {
      if (since === null) batch.hdel(keys.finalSince, id);
      else batch.hset(keys.finalSince, id, since);
    }
    await batch.exec().catch(() => undefined);
  }

  async function commitOnce<T>(plan: WritePlan<T>, author: Author) {
    for (let attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++) {
      const { events, result } = plan(board, signage);
      if (events.length === 0) return { entries: [], result };
      // Against the board the plan saw: this process's reader may apply the events before the reply comes.
      const changes = finalSinceChanges(board, finalSince, events);
      // Made against the board the plan saw, which the script checks is still the stream's.
      const history = historyOfEvents(board, events, author, new Date().toISOString());
      const args = events.flatMap((event, index) => {
        const change = storedChangeOf(event);
        const record = history[index];
        return [event.name, JSON.stringify(event.data), HASH_INDEX[change.collection], change.key, change.json ?? '', record ? JSON.stringify(record.entry) : ''];
      });
      const expected = boardLastId;
      let reply: unknown;
      try {
        reply = await client.eval(
          COMMIT_SCRIPT, 6, keys.events, keys.last, keys.flights, keys.notices, keys.screens, keys.historyIndex,
          expected, historyLimit, keys.historyPrefix, auditRetentionMs, ...args,
        );
      } catch {
        throw unavailable();
      }
      const outcome = commitOutcome(reply);
      if (outcome.committed) {
        const entries: LoggedEvent[] = events.map((event, index) => ({ id: outcome.ids[index]!, event }));
        const lastId = entries.at(-1)!.id;
        if (compareStreamIds(lastId, boardLastId) > 0) {
          applyFinalSinceChanges(finalSince, changes);
          applyEventsInPlace(board, events);
          applySignageEventsInPlace(signage, events);
          boardLastId = lastId;
        }
        await keepFinalSince(changes);
        return { entries, result };
      }
      // Redis is behind us: it lost data and the reader has yet to restore it.
      if (compareStreamIds(outcome.lastId, expected) < 0) throw unavailable();
      // Another instance wrote first: wait until our reader has its events, then plan again.
      await Promise.race([waitForBoard(outcome.lastId), new Promise((resolve) => setTimeout(resolve, 1000))]);
    }
    throw new CodedError('store_unavailable', 'The board is too busy to take this write; try again.');
  }

  return {
    commit<T>(plan: WritePlan<T>, author = UNSIGNED) {
      // One write at a time from this process; other processes are kept in order by the script.
      const run = writeQueue.then(async () => {
        await whenLoaded().catch(() => {
          throw unavailable();
        });
        return commitOnce(plan, author);
      });
      writeQueue = run.catch(() => undefined);
      return run;
    },
    async readAfter(id, atMost = Infinity) {
      if (!parseStreamId(id)) return null;
      try {
        // Checked first, so an id the stream does not hold costs no read of it; and again after
        // reading: trimming only moves forward, so a pass then covers what was read.
        if (!(await replayable(id))) return null;
        const entries: LoggedEvent[] = [];
        for (let from = `(${id}`; entries.length <= atMost; ) {
          const page = rangeEvents(await client.xrange(keys.events, from, '+', 'COUNT', READ_PAGE));
          entries.push(...page);
          if (page.length < READ_PAGE) break;
          from = `(${page.at(-1)!.id}`;
        }
        if (entries.length > atMost || !(await replayable(id))) return null;
        return entries;
      } catch {
        return null;
      }
    },
    async history(flightId, since) {
      try {
        await whenLoaded();
        // Entries are trimmed by Redis's clock as the history grows; `since` is read by the entries' own times.
        const reply = await client.xrange(`${keys.historyPrefix}${flightId}`, '-', '+');
        return historyEntries(reply).filter((entry) => entry.at >= since);
      } catch (error) {
        if (error instanceof StoredRecordError) throw error;
        throw unavailable();
      }
    },
    async pruneHistory(before, limit) {
      await whenLoaded().catch(() => {
        throw unavailable();
      });
      const beforeMs = Date.parse(before);
      const flights = await client.zrangebyscore(keys.historyIndex, '-inf', `(${beforeMs}`, 'LIMIT', 0, limit);
      let removed = 0;
      for (const flightId of flights) {
        removed += Number(await client.eval(PRUNE_HISTORY_SCRIPT, 2, `${keys.historyPrefix}${flightId}`, keys.historyIndex, flightId, beforeMs));
      }
      return removed;
    },
    boardSize: () => board.size,
    async snapshot() {
      // Never an empty board for one that could not be read: the caller answers 503 and retries.
      await whenLoaded().catch(() => {
        throw unavailable();
      });
      return { flights: [...board.values()], ...signageLists(signage), lastEventId: boardLastId };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReset(callback) {
      resetCallbacks.add(callback);
      return () => resetCallbacks.delete(callback);
    },
    finalSince: (id) => finalSince.get(id),
    compareIds: compareStreamIds,
    async healthy() {
      // Writes succeed only once the board is loaded and both connections are up.
      if (!boardLoaded || client.status !== 'ready' || !readerHealthy) return false;
      // A Redis that is connected but does not answer (frozen, overloaded) must not hang the probe.
      return Promise.race([
        client.ping().then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), HEALTH_PING_MS).unref()),
      ]);
    },
    async close() {
      closed = true;
      listeners.clear();
      for (const wake of boardWaiters) wake();
      client.disconnect();
      reader.disconnect();
    },
  };
}
