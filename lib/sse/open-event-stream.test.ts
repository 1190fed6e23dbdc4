import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventLog } from '../events/event-log';
import { createMemoryLog } from '../events/memory-log';
import type { BoardEvent } from '../flights/board-event';
import { makeFlight } from '../flights/flight.fixture';
import { openEventStream } from './open-event-stream';
import { createStreamHub, type StreamHub } from './stream-hub';

const upsert = (n: number, airline = 'ITA Airways'): BoardEvent => ({
  name: 'flightStateUpdate',
  data: makeFlight({ id: `AZ${n}-2026-11-22`, flight: `AZ${n}`, airline }),
});
const append = (log: EventLog, ...events: BoardEvent[]) => log.commit(() => ({ events, result: undefined }));
/** The sequence part of a memory log's id (`<epoch>.<sequence>`): the epoch is random per log. */
const seq = (id: string | undefined) => id?.split('.').pop();
/** The id of the `n`th event of a memory log. */
const idOf = async (log: EventLog, n: number) => `${(await log.snapshot()).lastEventId.split('.')[0]}.${n}`;

const hubs: StreamHub[] = [];
afterEach(() => {
  for (const hub of hubs.splice(0)) hub.stop();
  vi.useRealTimers();
});

const BOARD_NOW = Date.parse('2026-12-03T10:00:00.000Z');

function setUp(log: EventLog, { heartbeatMs = 60_000, maxBacklogBytes = 1_000_000, maxStreamAgeMs = 0, random = Math.random } = {}) {
  const hub = createStreamHub({ log, heartbeatMs, maxBacklogBytes, maxStreamAgeMs, random, boardNow: () => BOARD_NOW });
  hubs.push(hub);
  const open = (lastEventId: string | null = null) => {
    const abort = new AbortController();
    const stream = openEventStream({ log, hub, retryMs: 3000 }, { lastEventId, signal: abort.signal });
    return { stream, abort, reader: stream.getReader() };
  };
  return { hub, open };
}

/** Reads frames until `count` events have arrived. */
async function readEvents(reader: ReadableStreamDefaultReader<Uint8Array>, count: number) {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  const decoder = new TextDecoder();
  while (events.length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  return events;
}

describe('openEventStream', () => {
  it('writes the retry hint, then a snapshot, then live events', async () => {
    const log = createMemoryLog({ historyLimit: 100 });
    await append(log, upsert(1));
    const { open } = setUp(log);
    const { reader } = open();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('retry: 3000\n\n');
    await append(log, upsert(2));
    const [snapshot, live] = await readEvents(reader, 2);
    expect([snapshot!.event, seq(snapshot!.id)]).toEqual(['snapshot', '1']);
    expect(JSON.parse(snapshot!.data).flights).toHaveLength(1);
    expect([live!.event, seq(live!.id)]).toEqual(['flightStateUpdate', '2']);
  });

  it.each([
    ['before', 'the snapshot is taken'],
    ['after', 'the snapshot is taken'],
  ])('delivers events appended while a slow store answers (%s %s) exactly once', async (when) => {
    const log = createMemoryLog({ historyLimit: 100 });
    await append(log, upsert(1));
    const slow: EventLog = {
      ...log,
      async snapshot() {
        if (when === 'before') {
          const taken = await log.snapshot();
          await append(log, upsert(2), upsert(3));
          return taken;
        }
        await append(log, upsert(2), upsert(3));
        return log.snapshot();
      },
    };
    const { open } = setUp(slow);
    const { reader } = open();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await append(log, upsert(4));
    const events = await readEvents(reader, when === 'before' ? 4 : 2);
    const ids = events.map((event) => seq(event.id));
    expect(ids).toEqual(when === 'before' ? ['1', '2', '3', '4'] : ['3', '4']);
  });

  it('replays after a retained id with no snapshot, then continues live without a duplicate', async () => {
    const log = createMemoryLog({ historyLimit: 100 });
    await append(log, upsert(1), upsert(2), upsert(3));
    const { open } = setUp(log);
    const { reader } = open(await idOf(log, 1));
    await append(log, upsert(4));
    const events = await readEvents(reader, 3);
    expect(events.map((event) => [event.event, seq(event.id)])).toEqual([
      ['flightStateUpdate', '2'],
      ['flightStateUpdate', '3'],
      ['flightStateUpdate', '4'],
    ]);
  });

  it('answers a resume that missed nothing with a heartbeat at once, then live events', async () => {
    const log = createMemoryLog({ historyLimit: 100 });
    await append(log, upsert(1));
    const { open } = setUp(log);
    const { reader } = open(await idOf(log, 1));
    const [heartbeat] = await readEvents(reader, 1);
    expect(heartbeat).toMatchObject({ event: 'heartbeat', id: undefined, data: '{"now":"2026-12-03T10:00:00.000Z"}' });
    await append(log, upsert(2));
    const [live] = await readEvents(reader, 1);
    expect([live!.event, seq(live!.id)]).toEqual(['flightStateUpdate', '2']);
  });

  it('drops a client whose unsent backlog passes the bound, and counts it', async () => {
    const log = createMemoryLog({ historyLimit: 100 });
    const { hub, open } = setUp(log, { maxBacklogBytes: 4096 });
    const { reader } = open();
    await readEvents(reader, 1);
    for (let i = 0; i < 20; i++) await append(log, upsert(i, 'A'.repeat(80)));
    await vi.waitFor(() => expect(hub.stats.eventsPublished).toBe(20));
    expect(hub.clientCount).toBe(0);
    expect(hub.stats.slowClientsDropped).toBe(1);
    await expect(reader.read()).rejects.toThrow('too slow');
  });

  it('forgets a client the moment it aborts, and aborting twice is harmless', async () => {
    const log = createMemoryLog({ historyLimit: 100 });
    const { hub, open } = setUp(log);
    const { abort } = open();
    expect(hub.clientCount).toBe(1);
    abort.abort();
    abort.abort();
    expect(hub.clientCount).toBe(0);
    await append(log, upsert(1));
    await vi.waitFor(() => expect(hub.stats.eventsPublished).toBe(1));
    expect(hub.stats.eventsDelivered).toBe(0);
  });

  it('sends closedConnection, without an id, to every stream on closeAll and ends them', async () => {
    const log = createMemoryLog({ historyLimit: 100 });
    const { hub, open } = setUp(log);
    const clients = [open(), open()];
    expect(hub.closeAll('maintenance')).toBe(2);
    for (const { reader } of clients) {
      const events = await readEvents(reader, 5);
      expect(events.at(-1)).toMatchObject({ event: 'closedConnection', id: undefined, data: '{"reason":"maintenance"}' });
      expect((await reader.read()).done).toBe(true);
    }
    expect(hub.clientCount).toBe(0);
  });

  it('sends one heartbeat per interval, with the board time and no id, only to streams that had nothing else to send', async () => {
    vi.useFakeTimers();
    const log = createMemoryLog({ historyLimit: 100 });
    const { open } = setUp(log, { heartbeatMs: 1000 });
    const { reader } = open();
    await vi.advanceTimersByTimeAsync(0);
    await readEvents(reader, 1);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(1000);
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('event: heartbeat\ndata: {"now":"2026-12-03T10:00:00.000Z"}\n\n');
  });

  it.each([
    ['shortest', 0, 8000],
    ['longest', 0.999, 12_000],
  ])('ends a stream at its own age (the %s draw), without closedConnection', async (_, draw, ageMs) => {
    vi.useFakeTimers();
    const log = createMemoryLog({ historyLimit: 100 });
    const { hub, open } = setUp(log, { heartbeatMs: 500, maxStreamAgeMs: 10_000, random: () => draw });
    const { reader } = open();
    await vi.advanceTimersByTimeAsync(0);
    await readEvents(reader, 1);
    await vi.advanceTimersByTimeAsync(ageMs - 600);
    expect(hub.clientCount).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(hub.clientCount).toBe(0);
    const rest = await readEvents(reader, Infinity);
    expect(rest.map((event) => event.event)).not.toContain('closedConnection');
    expect(rest.every((event) => event.event === 'heartbeat')).toBe(true);
  });

  it('keeps a stream open past any age when the limit is off', async () => {
    vi.useFakeTimers();
    const log = createMemoryLog({ historyLimit: 100 });
    const { hub, open } = setUp(log, { heartbeatMs: 60_000, maxStreamAgeMs: 0 });
    open();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(hub.clientCount).toBe(1);
  });
});
