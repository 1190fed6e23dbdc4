import type { EventLog } from '../events/event-log';
import { historyCutoff } from '../events/history';
import { componentLogger } from '../log/logger';

const BATCH = 500;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Removes flight history older than `retentionDays` (AUDIT_RETENTION_DAYS) every `intervalMs`, in
 * bounded batches with the event loop free between them, so a large history never stalls a stream.
 */
export function createHistorySweeper({ log, retentionDays, intervalMs }: { log: EventLog; retentionDays: number; intervalMs: number }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;

  async function sweep() {
    try {
      const cutoff = historyCutoff(Date.now(), retentionDays);
      while (running && (await log.pruneHistory(cutoff, BATCH)) > 0) await yieldToEventLoop();
    } catch (error) {
      componentLogger('history').error({ err: error }, 'history sweep failed');
    }
    if (running) timer = setTimeout(sweep, intervalMs).unref();
  }

  return {
    start() {
      if (running) return;
      running = true;
      timer = setTimeout(sweep, 0).unref();
    },
    stop() {
      running = false;
      clearTimeout(timer);
    },
  };
}
