import 'server-only';
import { Redis } from 'ioredis';
import { redisKeys } from '../events/redis-keys';
import type { RedisOutageLog } from '../events/redis-outage-log';
import { parseCloseMessage, type CloseMessage } from './close-message';

/**
 * Carries a server close (`POST /api/events/close`) to every instance on the same Redis, so every
 * open stream gets `closedConnection`, whichever instance received the request.
 */
export function createCloseBroadcast({
  url,
  prefix,
  instance,
  outage,
  onRemoteClose,
}: {
  url: string;
  prefix: string;
  instance: string;
  outage: RedisOutageLog;
  onRemoteClose: (reason: string) => void;
}) {
  const channel = redisKeys(prefix).control;
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  // A subscribed connection can do nothing else: it gets its own.
  const subscriber = new Redis(url);
  outage.watch(publisher);
  outage.watch(subscriber);
  // ioredis subscribes again by itself after a reconnect; a failure here is an outage the log reports.
  void subscriber.subscribe(channel).catch(() => undefined);
  subscriber.on('message', (_channel: string, message: string) => {
    const close = parseCloseMessage(message);
    // Anything else on the channel (another program, a later version's message) is not ours to act on.
    if (close && close.from !== instance) onRemoteClose(close.reason);
  });
  return {
    /** Tells the other instances; with Redis away, this instance's own streams are still closed. */
    publish: (reason: string) => publisher.publish(channel, JSON.stringify({ reason, from: instance } satisfies CloseMessage)).catch(() => 0),
    close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
