import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFlight } from '../../flights/flight.fixture';
import { connectEventSource, type LinkState } from './event-source-connection';
import type { LinkEnvironment, SourceLike } from './link-environment';

class FakeSource implements SourceLike {
  onopen: SourceLike['onopen'] = null;
  onerror: SourceLike['onerror'] = null;
  closed = false;
  private listeners = new Map<string, (message: MessageEvent<string>) => void>();
  constructor(readonly url: string) {}
  addEventListener(name: string, listener: (message: MessageEvent<string>) => void) {
    this.listeners.set(name, listener);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.(new Event('open'));
  }
  emit(name: string, data: unknown, lastEventId = '') {
    this.listeners.get(name)?.({ data: JSON.stringify(data), lastEventId } as MessageEvent<string>);
  }
}

const HEARTBEAT_MS = 1000;
const flight = makeFlight();

function setUp({ poll = { flights: [flight], notices: [], screens: [], lastEventId: 'e.9' } as unknown, heartbeatMs = HEARTBEAT_MS } = {}) {
  const sources: FakeSource[] = [];
  const states: LinkState[] = [];
  const received: { name: string; id: string }[] = [];
  const heartbeats: string[] = [];
  let wake = () => undefined as void;
  const fetchJson = vi.fn(async () => poll);
  const env: LinkEnvironment = {
    openEventSource: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    fetchJson,
    now: () => Date.now(),
    // The longest backoff every time: only a wake-up can bring the stream back early.
    random: () => 0.999,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    onWake(callback) {
      wake = callback;
      return () => (wake = () => undefined);
    },
  };
  const connection = connectEventSource(
    { url: '/api/events', pollUrl: '/api/flights', lastEventId: 'e.1', retryMs: 20_000, heartbeatMs },
    {
      onEvent: (event, id) => received.push({ name: event.name, id }),
      onHeartbeat: (now) => heartbeats.push(now),
      onState: (state) => states.push(state),
      onClosedByServer: () => states.push('closed'),
      onDropped: () => undefined,
    },
    env,
  );
  /** Lets time run until the connection tries the stream again. */
  async function nextAttempt() {
    const before = sources.length;
    while (sources.length === before) await vi.advanceTimersByTimeAsync(250);
    return sources.at(-1)!;
  }
  return { sources, states, received, heartbeats, fetchJson, connection, nextAttempt, wake: () => wake(), last: () => sources.at(-1)! };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('connectEventSource', () => {
  it('is live on a heartbeat, and passes on the board time it carries without moving the last id', async () => {
    const { last, states, heartbeats, connection } = setUp();
    last().open();
    expect(states).toEqual(['connecting']);
    last().emit('heartbeat', { now: '2026-12-03T10:00:00.000Z' });
    expect(states).toEqual(['connecting', 'live']);
    expect(heartbeats).toEqual(['2026-12-03T10:00:00.000Z']);
    expect(connection.lastId()).toBe('e.1');
    connection.stop();
  });

  it('leaves live after 2.5 heartbeats of silence and reconnects from the last id through the backoff', async () => {
    const { last, sources, states, connection } = setUp();
    last().open();
    last().emit('flightStateUpdate', flight, 'e.2');
    await vi.advanceTimersByTimeAsync(2 * HEARTBEAT_MS);
    last().emit('heartbeat', { now: '2026-12-03T10:00:00.000Z' });
    await vi.advanceTimersByTimeAsync(2.4 * HEARTBEAT_MS);
    expect(states.at(-1)).toBe('live');
    await vi.advanceTimersByTimeAsync(0.4 * HEARTBEAT_MS);
    expect(states.at(-1)).toBe('reconnecting');
    expect(sources[0]!.closed).toBe(true);
    expect(sources).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(sources).toHaveLength(2);
    expect(last().url).toBe('/api/events?lastEventId=e.2');
    connection.stop();
  });

  it('reconnects at once on waking after more than one heartbeat of silence, whatever the backoff reached', async () => {
    const { last, sources, states, wake, connection } = setUp();
    last().onerror?.(new Event('error'));
    await vi.advanceTimersByTimeAsync(20_000);
    last().onerror?.(new Event('error'));
    expect(states.at(-1)).toBe('reconnecting');
    expect(sources).toHaveLength(2);
    // The next try is up to 40 s away; the network comes back now.
    wake();
    expect(sources).toHaveLength(3);
    last().emit('heartbeat', { now: '2026-12-03T10:00:00.000Z' });
    expect(states.at(-1)).toBe('live');
    connection.stop();
  });

  it('does not reconnect on waking when the stream was heard from within a heartbeat', async () => {
    const { last, sources, wake, connection } = setUp();
    last().open();
    last().emit('heartbeat', { now: '2026-12-03T10:00:00.000Z' });
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS / 2);
    wake();
    wake();
    expect(sources).toHaveLength(1);
    connection.stop();
  });

  it('polls the board after two opens in a row that delivered nothing, and is live again when the stream delivers', async () => {
    const { last, states, received, fetchJson, connection, nextAttempt } = setUp();
    last().open();
    await vi.advanceTimersByTimeAsync(2.75 * HEARTBEAT_MS);
    expect(states.at(-1)).toBe('reconnecting');
    (await nextAttempt()).open();
    await vi.advanceTimersByTimeAsync(2.75 * HEARTBEAT_MS);
    expect(states.at(-1)).toBe('polling');
    expect(fetchJson).toHaveBeenCalledWith('/api/flights');
    expect(received).toEqual([{ name: 'snapshot', id: 'e.9' }]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetchJson).toHaveBeenCalledTimes(2);
    // The stream is still tried, from the polled board's id; when it delivers, polling stops.
    const next = await nextAttempt();
    expect(next.url).toBe('/api/events?lastEventId=e.9');
    expect(states.at(-1)).toBe('polling');
    next.open();
    next.emit('heartbeat', { now: '2026-12-03T10:00:00.000Z' });
    expect(states.at(-1)).toBe('live');
    const polls = fetchJson.mock.calls.length;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(fetchJson).toHaveBeenCalledTimes(polls);
    connection.stop();
  });

  it('reopens from the polled id when a stream that started before a poll delivers after it', async () => {
    // A stale window (10 s) longer than the poll interval, as at the default settings.
    const heartbeatMs = 4000;
    const { last, received, fetchJson, connection, nextAttempt } = setUp({ heartbeatMs });
    last().open();
    await vi.advanceTimersByTimeAsync(2.75 * heartbeatMs);
    (await nextAttempt()).open();
    await vi.advanceTimersByTimeAsync(2.75 * heartbeatMs);
    const next = await nextAttempt();
    expect(next.url).toBe('/api/events?lastEventId=e.9');
    next.open();
    // While it is silent, a poll brings a newer board.
    fetchJson.mockResolvedValue({ flights: [flight], notices: [], screens: [], lastEventId: 'e.10' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(received.map((event) => event.id)).toEqual(['e.9', 'e.10']);
    // Then it delivers what comes after e.9, which the poll already brought: reopened from e.10 instead.
    next.emit('flightStateUpdate', flight, 'e.10');
    expect(last()).not.toBe(next);
    expect(last().url).toBe('/api/events?lastEventId=e.10');
    expect(received.map((event) => event.id)).toEqual(['e.9', 'e.10']);
    connection.stop();
  });

  it('stops for good on closedConnection', async () => {
    const { last, sources, states } = setUp();
    last().open();
    last().emit('closedConnection', { reason: 'Maintenance' });
    expect(states.at(-1)).toBe('closed');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sources).toHaveLength(1);
  });
});
