import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLog } from '../events/memory-log';
import type { BoardEvent } from '../flights/board-event';
import { makeFlight } from '../flights/flight.fixture';
import { createStreamHub, type StreamHub } from './stream-hub';
import type { StreamSink } from './stream-sink';

const upsert = (n: number): BoardEvent => ({ name: 'flightStateUpdate', data: makeFlight({ id: `AZ${n}-2026-11-22`, flight: `AZ${n}` }) });
const burst = (from: number, count: number) => Array.from({ length: count }, (_, i) => upsert(from + i));

/** A sink that keeps the ids of the frames written to it, and how many writes carried them. */
function recordingSink() {
  const ids: string[] = [];
  const writes: string[][] = [];
  const sink: StreamSink = {
    write: (bytes) => {
      // The sequence part of each id (`<epoch>.<sequence>`): a memory log's epoch is random.
      const written = [...Buffer.from(bytes).toString().matchAll(/^id: \S+\.(\d+)$/gm)].map((match) => match[1]!);
      ids.push(...written);
      writes.push(written);
    },
    queuedBytes: () => 0,
    end: () => undefined,
    abort: () => undefined,
  };
  return { ids, writes, sink };
}

const hubs: StreamHub[] = [];
afterEach(() => {
  for (const hub of hubs.splice(0)) hub.stop();
});

async function setUp() {
  const log = createMemoryLog({ historyLimit: 10_000 });
  const hub = createStreamHub({ log, heartbeatMs: 60_000, maxBacklogBytes: 1_000_000 });
  hubs.push(hub);
  const commit = (events: BoardEvent[]) => log.commit(() => ({ events, result: undefined }));
  // The empty log's id: a stream live from it gets every event.
  const start = (await log.snapshot()).lastEventId;
  return { log, hub, commit, start };
}

describe('stream hub fan-out', () => {
  it('hands a large burst out in slices, so other work runs before it is done, and keeps log order', async () => {
    const { hub, commit, start } = await setUp();
    const streams = Array.from({ length: 500 }, () => {
      const recorded = recordingSink();
      hub.connect(recorded.sink).goLive(start);
      return recorded;
    });
    await commit(burst(1, 2000));
    const deliveredWhenATimerRan = await new Promise<number>((resolve) => setTimeout(() => resolve(hub.stats.eventsDelivered), 0));
    expect(deliveredWhenATimerRan).toBeLessThan(500 * 2000);
    await vi.waitFor(() => expect(hub.stats.eventsDelivered).toBe(500 * 2000), { timeout: 20_000 });
    const inOrder = Array.from({ length: 2000 }, (_, i) => String(i + 1));
    for (const { ids } of streams) expect(ids).toEqual(inOrder);
  });

  it('does not repeat to a stream that went live from a snapshot events still queued for fan-out', async () => {
    const { log, hub, commit, start } = await setUp();
    for (let i = 0; i < 500; i++) hub.connect(recordingSink().sink).goLive(start);
    await commit(burst(1, 2000));
    const { ids, sink } = recordingSink();
    const connection = hub.connect(sink);
    // The snapshot holds all 2,000 events; most of them are still waiting to be handed out.
    connection.goLive((await log.snapshot()).lastEventId);
    expect(hub.stats.eventsPublished).toBeLessThan(2000);
    await commit([upsert(2001)]);
    await vi.waitFor(() => expect(hub.stats.eventsPublished).toBe(2001), { timeout: 20_000 });
    expect(ids).toEqual(['2001']);
  });

  it('sends the events of one commit to a live stream as one chunk, and a lone event before the commit resolves', async () => {
    const { hub, commit, start } = await setUp();
    const { writes, sink } = recordingSink();
    hub.connect(sink).goLive(start);
    await commit([upsert(1)]);
    expect(writes).toEqual([['1']]);
    await commit(burst(2, 20));
    expect(writes).toHaveLength(2);
    expect(writes[1]).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 2)));
    expect(hub.stats.eventsDelivered).toBe(21);
  });

  it('hands out what is still queued before it ends the streams', async () => {
    const { hub, commit, start } = await setUp();
    const { ids, sink } = recordingSink();
    hub.connect(sink).goLive(start);
    await commit(burst(1, 3));
    expect(hub.closeAll('maintenance')).toBe(1);
    expect(ids).toEqual(['1', '2', '3']);
  });
});
