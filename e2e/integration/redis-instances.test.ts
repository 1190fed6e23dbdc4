import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flight } from '@/lib/flights/flight';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { REDIS_URL, deleteKeys, redisRequiredButMissing, uniquePrefix } from '../support/redis';
import { readMetric } from '../support/metrics';
import { connectSse } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';
import { pollUntil } from '../support/poll';
import { csv, csvRow, postSchedule } from '../support/schedule';

if (redisRequiredButMissing) {
  it('has REDIS_URL, which REQUIRE_REDIS=1 demands', () => expect(REDIS_URL).toBeDefined());
}

describe.runIf(REDIS_URL)('two instances on one Redis', () => {
  const prefix = uniquePrefix();
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    const env = { REDIS_URL: REDIS_URL!, REDIS_PREFIX: prefix, API_TOKEN: TEST_TOKEN, SIMULATOR: 'off' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await deleteKeys(REDIS_URL!, prefix);
  });

  it('reports the redis backend and each its own instance', async () => {
    const [statusA, statusB] = await Promise.all([a, b].map(async (s) => (await fetch(`${s.url}/api/status`)).json()));
    expect(statusA.backend).toBe('redis');
    expect(statusB.backend).toBe('redis');
    expect(statusA.instance).not.toBe(statusB.instance);
  });

  it('delivers a write made on one instance to a stream on the other', async () => {
    const onB = await connectSse(b.url);
    await onB.waitFor(() => onB.events.length > 0);
    const started = performance.now();
    const response = await apiClient(a.url).create(newFlightBody({ id: 'X1-2026-11-22', flight: 'AF1' }));
    expect(response.status).toBe(201);
    const flight = await response.json();
    const event = await onB.waitFor(() => onB.events.find((e) => e.event === 'flightStateUpdate'));
    const latency = performance.now() - started;
    console.log(`cross-instance write-to-stream latency: ${latency.toFixed(1)} ms`);
    expect(event.data).toEqual(flight);
    expect(event.id).toMatch(/^\d+-\d+$/);
    onB.close();
  });

  it('runs one schedule import at a time across both instances', async () => {
    const rows = csv(Array.from({ length: 20_000 }, (_, i) => csvRow(700_000 + i, { status: 'flying' })));
    let onB: Promise<number> | undefined;
    const { events } = await postSchedule(a.url, rows, 'text/csv', undefined, () => {
      onB ??= postSchedule(b.url, csv([csvRow(800_000)]), 'text/csv').then(({ response }) => response.status, () => 0);
    });
    expect(events.at(-1)!.name).toBe('importDone');
    expect(await onB).toBe(409);
    // Free again once the first is over, on either instance.
    const { events: after } = await postSchedule(b.url, csv([csvRow(800_001)]), 'text/csv');
    expect(after.at(-1)).toMatchObject({ name: 'importDone', data: { created: 1 } });
  });

  it('lets a client move from one instance to the other with Last-Event-ID and miss nothing', async () => {
    const onA = await connectSse(a.url);
    await onA.waitFor(() => onA.events.length > 0);
    for (let i = 0; i < 5; i++) await apiClient(a.url).create(newFlightBody({ id: `M${i}-2026-11-22`, flight: `LH${i}` }));
    await onA.waitFor(() => onA.events.length === 6);
    const lastSeen = onA.events.at(-1)!.id!;
    onA.close();
    // While the client is away, writes land on both instances.
    for (let i = 5; i < 10; i++) {
      await apiClient(i % 2 ? a.url : b.url).create(newFlightBody({ id: `M${i}-2026-11-22`, flight: `LH${i}` }));
    }
    const onB = await connectSse(b.url, { lastEventId: lastSeen });
    await onB.waitFor(() => onB.events.length === 5);
    expect(onB.events.map((event) => (event.data as { id: string }).id)).toEqual(
      Array.from({ length: 5 }, (_, i) => `M${i + 5}-2026-11-22`),
    );
    onB.close();
  });

  it('agrees on the board', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        apiClient(i % 2 ? a.url : b.url).patch('M0-2026-11-22', { gate: `G${i}` }),
      ),
    );
    const [stateA, stateB] = await pollUntil(
      () => Promise.all([apiClient(a.url).state(), apiClient(b.url).state()]),
      ([one, two]) => one.lastEventId === two.lastEventId,
      { timeoutMs: 2000, what: 'both instances at the same last event' },
    );
    const byId = (flights: { id: string }[]) => [...flights].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(stateA.flights)).toEqual(byId(stateB.flights));
  });

  it('a server close on one instance ends the streams on every instance with closedConnection', async () => {
    const [onA, onB] = [await connectSse(a.url), await connectSse(b.url)];
    await onA.waitFor(() => onA.events.length > 0 && onB.events.length > 0);
    const response = await apiClient(a.url).send('POST', '/api/events/close', { reason: 'Board maintenance' });
    expect(response.status).toBe(200);
    await Promise.all([onA.ended, onB.ended]);
    for (const client of [onA, onB]) {
      expect(client.events.at(-1)).toEqual({ id: undefined, event: 'closedConnection', data: { reason: 'Board maintenance' } });
    }
  });

  it('refuses a stale plan across instances: concurrent status moves never break the lifecycle', async () => {
    await apiClient(a.url).create(newFlightBody({ id: 'RACE-2026-11-22', flight: 'BA9', status: 'boarding' }));
    const [toDeparted, toBoardingAgain] = await Promise.all([
      apiClient(a.url).patch('RACE-2026-11-22', { status: 'departed' }),
      apiClient(b.url).patch('RACE-2026-11-22', { status: 'final-call' }),
    ]);
    const statuses = [toDeparted.status, toBoardingAgain.status].sort();
    // Whichever lands second was planned against the first's result: departed → final-call is refused.
    expect([[200, 200], [200, 409]]).toContainEqual(statuses);
  });
});

describe.runIf(REDIS_URL)('the simulator across instances', () => {
  const prefix = uniquePrefix();
  let servers: RunningServer[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await deleteKeys(REDIS_URL!, prefix);
  });

  it('runs on exactly one instance, and another takes over within seconds when it dies', { timeout: 60_000 }, async () => {
    const env = { REDIS_URL: REDIS_URL!, REDIS_PREFIX: prefix, SIMULATOR: 'on', SIMULATOR_TICK_MS: '100', SIMULATOR_SPEED: '600', SIMULATOR_FLIGHTS: '10' };
    servers = await Promise.all([startServer(env), startServer(env)]);
    const running = async () => Promise.all(servers.map((server) => readMetric(server, 'skyboard_simulator_running')));
    const flags = await pollUntil(running, ([one, two]) => one! + two! === 1, {
      timeoutMs: 10_000,
      everyMs: 100,
      what: 'exactly one instance running the simulator',
    });
    // Both instances show the one board clock the first of them started.
    const boardNow = async (server: RunningServer) => Date.parse((await (await fetch(`${server.url}/api/status`)).json()).now);
    const askedAt = Date.now();
    const [first, second] = [await boardNow(servers[0]!), await boardNow(servers[1]!)];
    expect(Math.abs(second - first)).toBeLessThanOrEqual((Date.now() - askedAt) * 600 + 1000);
    // Two simulators would each apply what falls due: the same flight updated twice with nothing moved.
    const watcher = await connectSse(servers[0]!.url);
    await watcher.waitFor(() => watcher.events.length > 30, 20_000);
    const lastSeen = new Map<string, string>();
    const repeated: string[] = [];
    for (const { event, data } of watcher.events.slice(1)) {
      if (event !== 'flightStateUpdate') continue;
      const { id, status, estimated, actual, gate, belt } = data as Flight;
      const moved = JSON.stringify([status, estimated, actual, gate, belt]);
      if (lastSeen.get(id) === moved) repeated.push(id);
      lastSeen.set(id, moved);
    }
    expect(repeated).toEqual([]);
    expect(await running()).toEqual(flags);
    watcher.close();

    const holder = servers[flags.indexOf(1)]!;
    const other = servers[flags.indexOf(0)]!;
    await holder.stop('SIGKILL');
    const killedAt = Date.now();
    await pollUntil(() => readMetric(other, 'skyboard_simulator_running'), (running) => running === 1, {
      timeoutMs: 15_000,
      everyMs: 200,
      what: 'the other instance to take the simulator over',
    });
    console.log(`simulator takeover after the holder died: ${Date.now() - killedAt} ms`);
    // Each instance's log says when it took the lease; the one killed outright could say no more.
    const leaseChanges = (server: RunningServer) => server.logEntries().filter((entry) => entry.component === 'simulator' && entry.lease);
    expect(leaseChanges(holder)).toEqual([expect.objectContaining({ level: 'info', lease: 'taken' })]);
    expect(leaseChanges(other)).toEqual([expect.objectContaining({ level: 'info', lease: 'taken' })]);
    servers = [other];
  });
});
