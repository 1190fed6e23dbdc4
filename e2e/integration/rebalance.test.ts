import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { REDIS_URL, deleteKeys, redisRequiredButMissing, uniquePrefix } from '../support/redis';
import { resumingClient } from '../support/resuming-client';
import { startServer, type RunningServer } from '../support/server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/sse-client';
import { pollUntil } from '../support/poll';

if (redisRequiredButMissing) {
  it('has REDIS_URL, which REQUIRE_REDIS=1 demands', () => expect(REDIS_URL).toBeDefined());
}

const CLIENTS = 12;
const clientsOf = async (server: RunningServer) => ((await (await fetch(`${server.url}/api/status`)).json()) as { clients: number }).clients;

describe.runIf(REDIS_URL)('streams spread over an instance started later (SSE_MAX_STREAM_AGE_MS)', () => {
  const prefix = uniquePrefix();
  const env = {
    REDIS_URL: REDIS_URL!,
    REDIS_PREFIX: prefix,
    API_TOKEN: TEST_TOKEN,
    SIMULATOR: 'off',
    SSE_HEARTBEAT_MS: '200',
    SSE_MAX_STREAM_AGE_MS: '2000',
  };
  let first: RunningServer;
  let second: RunningServer | undefined;
  let balancer: TcpProxy;

  beforeAll(async () => {
    first = await startServer(env);
    balancer = await startTcpProxy([first.port]);
  });

  afterAll(async () => {
    await balancer?.close();
    await Promise.all([first?.stop(), second?.stop()]);
    await deleteKeys(REDIS_URL!, prefix);
  });

  it('moves streams from the first instance to the second after it starts, each client missing and repeating nothing', async () => {
    const clients = Array.from({ length: CLIENTS }, () => resumingClient(balancer.url));
    try {
      await spread(clients);
    } finally {
      await Promise.all(clients.map((client) => client.stop()));
    }
  }, 60_000);

  async function spread(clients: ReturnType<typeof resumingClient>[]) {
    await waitFor(() => clients.every((client) => client.events.length > 0), 10_000);
    expect(await clientsOf(first)).toBe(CLIENTS);

    // Writes go on all the while, through both instances once there are two.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const target = second && written % 2 ? second : first;
        const response = await apiClient(target.url).create(newFlightBody({ id: `RB${written}-2026-12-03`, flight: `RB${written}` }));
        expect(response.status).toBe(201);
        written += 1;
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();

    second = await startServer(env);
    balancer.setUpstreams([first.port, second.port]);
    // Within a few stream ages (2 s each, ±20%), streams move as they end; a quarter is plenty to show it.
    const allResumed = () => clients.every((client) => client.connections() >= 2);
    const onSecond = await pollUntil(() => clientsOf(second!), (count) => count >= CLIENTS / 4 && allResumed(), {
      timeoutMs: 15_000,
      everyMs: 250,
      what: 'a quarter of the streams on the second instance, every stream resumed',
    }).finally(() => (writing = false));
    await writer;
    expect(onSecond).toBeGreaterThanOrEqual(CLIENTS / 4);
    // Every stream opened on the first instance has ended by its age and been resumed.
    expect(allResumed()).toBe(true);

    // Every client gets the last write, then is compared with the log itself.
    const lastId = `RB${written - 1}-2026-12-03`;
    await waitFor(() => clients.every((client) => client.events.some((event) => (event.data as { id?: string }).id === lastId)), 10_000);
    const redis = new Redis(REDIS_URL!);
    const logged = (await redis.xrange(`${prefix}:events`, '-', '+')).map(([id]) => id);
    redis.disconnect();
    for (const client of clients) {
      const [snapshot, ...rest] = client.events;
      // One snapshot, on the first connect: every later stream was a resume.
      expect(snapshot!.event).toBe('snapshot');
      expect(rest.map((event) => event.event)).not.toContain('snapshot');
      const after = logged.slice(logged.indexOf(snapshot!.id!) + 1);
      expect(rest.map((event) => event.id)).toEqual(after.slice(0, rest.length));
      expect(rest.length).toBe(written);
    }
  }
});
