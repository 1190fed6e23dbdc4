import 'server-only';
import { SettingsError } from '../env';
import { routeConsoleToLogger } from '../log/console-to-logger';
import { componentLogger } from '../log/logger';
import { startBackgroundWork } from './background-work';
import { watchParent } from '../process/watch-parent';
import { installGracefulShutdown } from './graceful-shutdown';
import { getRuntime } from './runtime';
import { startupSummary } from './startup-summary';

const STARTED_KEY = Symbol.for('skyboard.started');

/** Creates the runtime at boot, so a bad setting stops the server before it serves anything. */
export function startServer() {
  const holder = globalThis as { [STARTED_KEY]?: boolean };
  if (holder[STARTED_KEY]) return;
  holder[STARTED_KEY] = true;
  // Done already when the preload ran (`npm start`, the README's unit); a bare `node server.js`
  // gets it here, after Next's first lines.
  routeConsoleToLogger();
  try {
    const runtime = getRuntime();
    componentLogger('skyboard').info(startupSummary(runtime), 'starting');
    const started = startBackgroundWork(runtime);
    installGracefulShutdown(runtime, async () => (await started)());
    // Its launcher (npm start's, a supervisor) killed outright: shut down as on SIGTERM, not live on orphaned.
    watchParent(() => process.kill(process.pid, 'SIGTERM'));
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    componentLogger('skyboard').fatal(error.message);
    process.exit(1);
  }
}
