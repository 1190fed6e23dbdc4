import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { pollUntil } from '../support/poll';
import { REDIS_URL, redisRequiredButMissing, startPrivateRedis } from '../support/redis';
import { startServer, type RunningServer } from '../support/server';

if (redisRequiredButMissing) {
  it('has REDIS_URL, which REQUIRE_REDIS=1 demands', () => expect(REDIS_URL).toBeDefined());
}

// An instance started before its Redis (a host booting, a container started first) must work as
// soon as Redis is up: writes, the simulator and the sweeper, not only the health check.
describe.runIf(REDIS_URL)('an instance started while its Redis is not up yet', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let server: RunningServer;
  const health = async () => (await fetch(`${server.url}/api/health`)).status;

  beforeAll(async () => {
    redis = await startPrivateRedis({ running: false });
    server = await startServer(
      { REDIS_URL: redis.url, API_TOKEN: TEST_TOKEN, SIMULATOR: 'on', SIMULATOR_TICK_MS: '100', SIMULATOR_SPEED: '600', SIMULATOR_FLIGHTS: '5' },
      { until: 'answering' },
    );
  });

  afterAll(async () => {
    await server?.stop();
    await redis?.stop();
  });

  it('says 503 while it cannot write, and writes within seconds of Redis coming up', { timeout: 60_000 }, async () => {
    const api = apiClient(server.url);
    const unhealthy = await fetch(`${server.url}/api/health`);
    expect(unhealthy.status).toBe(503);
    // It names the store, and nothing of the driver's words (its host, port or error).
    const { message } = (await unhealthy.json()).error;
    expect(message).toContain('Redis');
    expect(message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|connect|:\d{2,5}/);
    const refused = await api.create(newFlightBody({ id: 'EARLY-2026-11-22', flight: 'AF10' }));
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe('store_unavailable');

    await redis.start();
    await pollUntil(health, (status) => status === 200, { timeoutMs: 10_000, what: '/api/health to answer 200' });
    // Healthy means writes succeed: the first one after the 200 is taken.
    const created = await api.create(newFlightBody({ id: 'LATE-2026-11-22', flight: 'AF11' }));
    expect(created.status, await created.clone().text()).toBe(201);

    // The simulator, which holds the lease on this lone instance, fills the board through the same store.
    // Counted over the polls: at this speed its flights also finish and leave within seconds, so how
    // many are on the board at one instant swings around SIMULATOR_FLIGHTS.
    const simulated = new Set<string>();
    const board = await pollUntil(
      async () => {
        const state = await api.state();
        for (const flight of state.flights) if (flight.id.endsWith('.sim')) simulated.add(flight.id);
        return state;
      },
      () => simulated.size >= 5,
      { timeoutMs: 15_000, what: 'the simulator to put 5 flights on the board' },
    );
    expect(board.flights.map((flight) => flight.id)).toContain('LATE-2026-11-22');
  });
});
