import { connectSse, type ReceivedEvent, type SseClient } from './sse-client';

/**
 * A client that does what a browser's board does when its stream ends without closedConnection:
 * it connects again with the last id it got (here at once, through whatever `baseUrl` balances to).
 */
export function resumingClient(baseUrl: string) {
  const events: ReceivedEvent[] = [];
  let lastEventId: string | undefined;
  let current: SseClient | undefined;
  let stopped = false;
  let connections = 0;

  async function run() {
    while (!stopped) {
      const client = await connectSse(baseUrl, { lastEventId });
      connections += 1;
      current = client;
      let seen = 0;
      const take = () => {
        for (; seen < client.events.length; seen++) {
          const event = client.events[seen]!;
          events.push(event);
          if (event.id) lastEventId = event.id;
        }
      };
      const timer = setInterval(take, 10);
      await client.ended;
      clearInterval(timer);
      take();
    }
  }
  const running = run();

  return {
    events,
    /** How many streams it has opened. */
    connections: () => connections,
    async stop() {
      stopped = true;
      current?.close();
      await running.catch(() => undefined);
    },
  };
}
