import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectSse, type SseClient } from './sse-client';
import { startServer, type RunningServer } from './server';

/**
 * A server on a SQLite file of its own, with a stream watching it (started once it has its first
 * event): for tests that restart it and read what was kept. `stop` removes the file.
 */
export function serverOnDisk(settings: Record<string, string>, name: string) {
  const folder = mkdtempSync(path.join(tmpdir(), `skyboard-${name}-`));
  const env = { SIMULATOR: 'off', ...settings, DATABASE_PATH: path.join(folder, 'board.db') };
  let running: { server: RunningServer; watcher: SseClient } | undefined;

  async function start() {
    const server = await startServer(env);
    const watcher = await connectSse(server.url);
    await watcher.waitFor(() => watcher.events.length > 0);
    running = { server, watcher };
    return running;
  }

  async function halt() {
    running?.watcher.close();
    await running?.server.stop();
    running = undefined;
  }

  return {
    start,
    /** Stops the server (SIGTERM) and starts it again on the same file, with a new watcher. */
    async restart() {
      await halt();
      return start();
    },
    async stop() {
      await halt();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
