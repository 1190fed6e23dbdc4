import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../flights/board-event';
import { makeFlight } from '../flights/flight.fixture';
import { SseConnection, type Batch, type CloseReason } from './sse-connection';
import type { StreamSink } from './stream-sink';

/** A sink whose unsent backlog grows with every write and shrinks only when the test says the socket took bytes. */
function socketLikeSink() {
  let queued = 0;
  const sink: StreamSink = {
    write: (bytes) => void (queued += bytes.length),
    queuedBytes: () => queued,
    end: () => undefined,
    abort: () => undefined,
  };
  return { sink, socketTakes: (bytes: number) => void (queued -= bytes) };
}

const entry = (id: number): LoggedEvent => ({ id: String(id), event: { name: 'flightStateUpdate', data: makeFlight() } });

/** Events `ids` as the hub hands them out: each frame `frameBytes` long, and all of them in one chunk. */
function batchOf(ids: number[], frameBytes = 100): Batch {
  const frames = ids.map((id) => new Uint8Array(frameBytes).fill(id));
  return { entries: ids.map(entry), frames, chunk: Buffer.concat(frames) };
}

function open(sink: StreamSink, maxBacklogBytes: number) {
  const closed: CloseReason[] = [];
  const connection = new SseConnection(sink, maxBacklogBytes, (a, b) => Number(a) - Number(b), (_, reason) => closed.push(reason));
  return { connection, closed };
}

describe('SseConnection', () => {
  it('lets a client fall behind by its catch-up plus the bound, and drops it past that', () => {
    const { sink } = socketLikeSink();
    const { connection, closed } = open(sink, 1000);
    connection.write(new Uint8Array(10_000));
    connection.goLive('0');
    for (let id = 1; id <= 10; id++) connection.deliverBatch(batchOf([id]));
    expect(closed).toEqual([]);
    connection.deliverBatch(batchOf([11]));
    expect(closed).toEqual(['too-slow']);
  });

  it('takes back the catch-up allowance once the catch-up has drained, even into kernel buffers of a client that never reads', () => {
    const { sink, socketTakes } = socketLikeSink();
    const { connection, closed } = open(sink, 1000);
    connection.write(new Uint8Array(10_000));
    connection.goLive('0');
    socketTakes(9000);
    let id = 0;
    while (closed.length === 0 && id < 200) connection.deliverBatch(batchOf([++id]));
    expect(closed).toEqual(['too-slow']);
    // Its best point is 1,100 bytes behind (after the first event); 1,000 more are allowed: the 12th passes.
    expect(id).toBe(12);
  });

  it('writes a batch to a live stream as one chunk, and to one still skipping its catch-up event by event', () => {
    const writes: Uint8Array[] = [];
    const sink: StreamSink = { write: (bytes) => void writes.push(bytes), queuedBytes: () => 0, end: () => undefined, abort: () => undefined };
    const { connection } = open(sink, 1_000_000);
    connection.goLive('2');
    expect(connection.deliverBatch(batchOf([1, 2, 3, 4], 10))).toBe(2);
    expect(writes.map((bytes) => bytes[0])).toEqual([3, 4]);
    expect(connection.deliverBatch(batchOf([5, 6, 7], 10))).toBe(3);
    expect(writes).toHaveLength(3);
    expect([...writes[2]!]).toEqual([...batchOf([5, 6, 7], 10).chunk]);
  });
});
