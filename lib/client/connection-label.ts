import type { ConnectionState } from './stream/tab-stream';

/** The words the status indicator shows (CONTRACT section 5). */
export const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  paused: 'Paused',
  closed: 'Closed by server',
};
