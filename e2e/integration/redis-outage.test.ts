import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { pollUntil } from '../support/poll';
import { REDIS_URL, redisRequiredButMissing, startPrivateRedis } from '../support/redis';
import { connectSse, type SseClient } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';

if (redisRequiredButMissing) {
  it('has REDIS_URL, which REQUIRE_REDIS=1 demands', () => expect(REDIS_URL).toBeDefined());
}

// Runs its own redis-server, so restarting it disturbs no other test.
describe.runIf(REDIS_URL)('Redis going away under a running instance', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let server: RunningServer;
  let client: SseClient;
  const health = async () => (await fetch(`${server.url}/api/health`)).status;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    server = await startServer({ REDIS_URL: redis.url, API_TOKEN: TEST_TOKEN, SIMULATOR: 'off' });
    client = await connectSse(server.url);
    await client.waitFor(() => client.events.length > 0);
  });

  afterAll(async () => {
    client?.close();
    await server?.stop();
    await redis?.stop();
  });

  it('keeps its streams through dropped connections and delivers every event exactly once', { timeout: 30_000 }, async () => {
    const api = apiClient(server.url);
    for (let i = 0; i < 5; i++) expect((await api.create(newFlightBody({ id: `R${i}-2026-11-22`, flight: `AF${i}` }))).status).toBe(201);
    const admin = new Redis(redis.url);
    await admin.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    for (let i = 5; i < 10; i++) {
      await pollUntil(async () => (await api.create(newFlightBody({ id: `R${i}-2026-11-22`, flight: `AF${i}` }))).status, (status) => status === 201, {
        timeoutMs: 10_000,
        everyMs: 100,
        what: 'a write after the drop',
      });
    }
    await client.waitFor(() => client.events.length === 11, 10_000);
    const streamIds = (await admin.xrange('skyboard:events', '-', '+')).map(([id]) => id);
    expect(client.events.slice(1).map((event) => event.id)).toEqual(streamIds);
    admin.disconnect();
  });

  it('reports unhealthy and refuses writes with 503 while Redis is down, then recovers by itself with the board intact', { timeout: 60_000 }, async () => {
    const api = apiClient(server.url);
    expect((await api.send('POST', '/api/notices', { text: 'Belt 2 is out of order.', level: 'info' })).status).toBe(201);
    expect((await api.send('PUT', '/api/screens/hall', { kind: 'belt', target: '2' })).status).toBe(200);
    const signage = async () => {
      const { notices, screens } = (await (await fetch(`${server.url}/api/flights`)).json()) as { notices: unknown[]; screens: unknown[] };
      return { notices, screens };
    };
    const signageBefore = await signage();
    const board = (await api.state()).flights;
    const lastSeen = client.events.at(-1)!.id!;
    const entriesBefore = server.logEntries().length;
    await redis.stop();
    await pollUntil(async () => (await health()) === 503, Boolean, { timeoutMs: 10_000, everyMs: 100, what: '/api/health to report 503' });
    const refused = await api.create(newFlightBody({ id: 'DOWN-2026-11-22', flight: 'AF99' }));
    expect(refused.status, server.output()).toBe(503);
    expect((await refused.json()).error.code).toBe('store_unavailable');
    expect((await api.state()).flights).toEqual(board);

    // This Redis keeps nothing on disk: it comes back empty, and the instance restores the board.
    await redis.start();
    await pollUntil(async () => (await health()) === 200, Boolean, { timeoutMs: 20_000, everyMs: 100, what: '/api/health to recover' });
    const sortById = (flights: { id: string }[]) => [...flights].sort((x, y) => x.id.localeCompare(y.id));
    expect(sortById((await api.state()).flights)).toEqual(sortById(board));
    // The notices and screens are restored with the flights.
    expect(await signage()).toEqual(signageBefore);
    // The poll's timeout names the last answer.
    await pollUntil(
      async () => {
        const response = await api.patch('R1-2026-11-22', { gate: 'Z9' });
        return `${response.status} ${await response.text()}`;
      },
      (answer) => answer.startsWith('200 '),
      { timeoutMs: 10_000, everyMs: 100, what: 'a write after recovery' },
    );

    // The operator read one line for the outage, with its reason, and one for the recovery.
    const redisEntries = server.logEntries().slice(entriesBefore).filter((entry) => entry.component === 'redis');
    const unavailable = redisEntries.filter((entry) => entry.msg.includes('unavailable'));
    expect(unavailable, server.output()).toEqual([expect.objectContaining({ level: 'error', reason: expect.stringMatching(/\S/) })]);
    expect(unavailable[0]!.msg).toMatch(/unavailable: \S.*retrying/);
    expect(redisEntries.filter((entry) => /back after/.test(entry.msg))).toEqual([expect.objectContaining({ level: 'info', downSeconds: expect.any(Number) })]);

    // Events from before the outage can no longer be replayed: a resume gets a snapshot.
    const resumed = await connectSse(server.url, { lastEventId: lastSeen });
    await resumed.waitFor(() => resumed.events.length > 0);
    expect(resumed.events[0]!.event).toBe('snapshot');
    expect((resumed.events[0]!.data as { flights: { id: string; gate: string }[] }).flights.find((f) => f.id === 'R1-2026-11-22')!.gate).toBe('Z9');
    resumed.close();
  });
});
