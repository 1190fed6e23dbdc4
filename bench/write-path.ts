import { apiClient, newFlightBody, TEST_TOKEN } from '../e2e/support/api';
import { startServer } from '../e2e/support/server';
import { cpuMs } from './process-stats';

const CONCURRENCY = 16;

/**
 * How many PATCHes per second one instance acknowledges with no stream open: the write path alone.
 * `env` picks the store (the memory store by default); `root` runs another checkout's build.
 */
export async function measureWritePath(seconds: number, { env = {}, root }: { env?: Record<string, string>; root?: string } = {}) {
  const server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'off', ...env }, { root });
  try {
    const api = apiClient(server.url);
    await api.create(newFlightBody({ id: 'WRITE-2026-11-22', flight: 'AZ768', status: 'boarding' }));
    let acknowledged = 0;
    let refused = 0;
    const cpuBefore = cpuMs(server.serverPid);
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = 0; Date.now() < deadline; i++) {
          const response = await api.patch('WRITE-2026-11-22', { gate: `G${i % 50}` });
          await response.arrayBuffer();
          if (response.ok) acknowledged += 1;
          else refused += 1;
        }
      }),
    );
    return {
      'PATCH/s acknowledged': Math.round(acknowledged / seconds),
      refused,
      'server CPU ms per PATCH': ((cpuMs(server.serverPid) - cpuBefore) / acknowledged).toFixed(2),
      'writers in flight': CONCURRENCY,
    };
  } finally {
    await server.stop();
  }
}
