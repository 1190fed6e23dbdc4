import { describe, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { connectSse } from '../support/sse-client';
import { startServer, type ServerKind } from '../support/server';

describe.each<ServerKind>(['npm-start', 'standalone'])('served by %s', (kind) => {
  it('on SIGTERM ends every stream without closedConnection, finishes writes under way and exits 0', async () => {
    const server = await startServer({ SIMULATOR: 'on', SIMULATOR_TICK_MS: '50', SIMULATOR_SPEED: '600', API_TOKEN: TEST_TOKEN }, { kind });
    const clients = [await connectSse(server.url), await connectSse(server.url)];
    await Promise.all(clients.map((client) => client.waitFor(() => client.events.length > 2)));
    const api = apiClient(server.url);
    const writes = Array.from({ length: 20 }, (_, i) =>
      api.create(newFlightBody({ id: `SD${i}-2026-11-22`, flight: `SD${i}` })).then(
        (response) => response.status,
        () => 'refused',
      ),
    );
    const started = Date.now();
    const exitCode = await server.stop('SIGTERM');
    const elapsed = Date.now() - started;
    await Promise.all(clients.map((client) => client.ended));

    expect(exitCode).toBe(0);
    expect(elapsed).toBeLessThan(5000);
    for (const client of clients) expect(client.events.map((event) => event.event)).not.toContain('closedConnection');
    // Every write either landed whole or was never accepted: none is left hanging.
    for (const status of await Promise.all(writes)) expect([201, 'refused']).toContain(status);
    expect(server.output()).toContain('SIGTERM: ending 2 streams');
  });
});
