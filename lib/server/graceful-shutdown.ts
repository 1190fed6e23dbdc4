import 'server-only';
import type { Runtime } from './runtime';

const WRITE_GRACE_MS = 5000;

/**
 * On SIGTERM or SIGINT: refuse new streams, end the open ones without `closedConnection` (browsers
 * reconnect, to another instance where there is one), let in-flight writes finish, close the store,
 * exit 0. `npm start`'s custom server installs no handler of its own; under plain `next start`, Next's
 * handler would wait for the never-ending streams and exit 143, so set NEXT_MANUAL_SIG_HANDLE there.
 */
export function installGracefulShutdown(runtime: Runtime, stopBackgroundWork: () => Promise<void>) {
  let stopping = false;
  const shutDown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    runtime.shuttingDown = true;
    console.log(`[skyboard] ${signal}: ending ${runtime.hub.clientCount} streams and stopping.`);
    await stopBackgroundWork();
    runtime.hub.stop();
    await runtime.log.whenIdle(WRITE_GRACE_MS);
    await runtime.log.close();
    runtime.release();
    process.exit(0);
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}
