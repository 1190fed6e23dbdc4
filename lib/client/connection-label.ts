import { POLL_INTERVAL_MS } from './stream/event-source-connection';
import type { ConnectionState } from './stream/tab-stream';

/** The words the status indicator shows (CONTRACT section 5). */
export const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  polling: `Updating every ${POLL_INTERVAL_MS / 1000} s`,
  paused: 'Paused',
  closed: 'Closed by server',
};
