import 'server-only';
import type { Logger } from 'pino';
import { componentLogger } from '../log/logger';
import type { Runtime } from './runtime';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const WRITE_GRACE_MS = 5000;
// A write that has just committed still has its answer to send: Next writes it to the socket within
// a few turns of the event loop after the handler returns.
const ANSWER_FLUSH_MS = 100;
/** A shutdown still running after this long is stuck: the process exits non-zero instead of hanging. */
const SHUTDOWN_DEADLINE_MS = 10_000;
// One stop request often arrives more than once at the same moment: Ctrl-C reaches the whole process
// group, and a supervisor signals every process of `npm start` while each parent also passes it on.
const SAME_REQUEST_MS = 1000;

/**
 * On SIGTERM or SIGINT: refuse new streams, end the open ones without `closedConnection` (browsers
 * reconnect, to another instance where there is one), let in-flight writes finish, close the store,
 * exit 0. A shutdown that hangs exits 1 after SHUTDOWN_DEADLINE_MS; another signal exits at once.
 */
export function installGracefulShutdown(
  runtime: Pick<Runtime, 'hub' | 'log' | 'release' | 'shuttingDown'>,
  stopBackgroundWork: () => Promise<void>,
  {
    signals = process as SignalSource,
    exit = process.exit as (code: number) => void,
    deadlineMs = SHUTDOWN_DEADLINE_MS,
    log = componentLogger('shutdown') as Pick<Logger, 'info' | 'error'>,
  } = {},
) {
  // Next's own handlers (installed before instrumentation runs) wait for every open connection,
  // which a stream never closes, and exit 143: ours replace them.
  for (const signal of SIGNALS) signals.removeAllListeners(signal);
  let firstSignalAt: number | null = null;

  async function shutDown(signal: NodeJS.Signals) {
    runtime.shuttingDown = true;
    const streams = runtime.hub.clientCount;
    log.info({ signal, streams }, `${signal}: ending ${streams} streams and stopping.`);
    await stopBackgroundWork();
    runtime.hub.stop();
    log.info('background work stopped and streams ended; letting in-flight writes finish');
    if (await runtime.log.whenIdle(WRITE_GRACE_MS)) await new Promise((resolve) => setTimeout(resolve, ANSWER_FLUSH_MS));
    await runtime.log.close();
    runtime.release();
    log.info('store closed: exiting');
  }

  function onSignal(signal: NodeJS.Signals) {
    if (firstSignalAt !== null) {
      if (Date.now() - firstSignalAt < SAME_REQUEST_MS) return;
      log.error({ signal }, `${signal} again: exiting now, without finishing the shutdown.`);
      return exit(1);
    }
    firstSignalAt = Date.now();
    setTimeout(() => {
      log.error({ deadlineMs }, `the shutdown did not finish within ${deadlineMs} ms: exiting.`);
      exit(1);
    }, deadlineMs).unref();
    shutDown(signal).then(
      () => exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'the shutdown failed');
        exit(1);
      },
    );
  }
  for (const signal of SIGNALS) signals.on(signal, onSignal);
}

/** What the shutdown needs of `process`; tests pass an EventEmitter. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  removeAllListeners(signal: NodeJS.Signals): unknown;
}
