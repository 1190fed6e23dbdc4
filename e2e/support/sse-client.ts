import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { pollUntil } from './poll';

export interface ReceivedEvent {
  id: string | undefined;
  event: string;
  data: unknown;
  /** When it arrived (Date.now()), for latency measurements; not part of the frame. */
  receivedAt?: number;
}

export interface SseClient {
  status: number;
  headers: Headers;
  /** Every event but heartbeats, in order. */
  events: ReceivedEvent[];
  /** The heartbeats, apart: they carry no id and change no board. */
  heartbeats: ReceivedEvent[];
  comments: string[];
  retry: number | undefined;
  /** The raw text received, in order. */
  text(): string;
  /** Resolves once the stream has ended (server close or error). */
  ended: Promise<void>;
  waitFor<T>(check: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): void;
}

/** Opens `GET /api/events` the way a program would, parsing frames with eventsource-parser. */
export async function connectSse(
  baseUrl: string,
  { lastEventId, query }: { lastEventId?: string; query?: string } = {},
): Promise<SseClient> {
  const controller = new AbortController();
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
  const response = await fetch(`${baseUrl}/api/events${query ? `?${query}` : ''}`, {
    headers,
    signal: controller.signal,
  });
  let raw = '';
  const client: SseClient = {
    status: response.status,
    headers: response.headers,
    events: [],
    heartbeats: [],
    comments: [],
    retry: undefined,
    text: () => raw,
    ended: Promise.resolve(),
    waitFor: (check, timeoutMs) => waitFor(check, timeoutMs),
    close: () => controller.abort(),
  };
  const parser = createParser({
    onEvent(message: EventSourceMessage) {
      const received: ReceivedEvent = { id: message.id, event: message.event ?? 'message', data: JSON.parse(message.data) };
      // Kept out of equality checks: only measurements read it.
      Object.defineProperty(received, 'receivedAt', { value: Date.now(), enumerable: false });
      (received.event === 'heartbeat' ? client.heartbeats : client.events).push(received);
    },
    onComment: (comment) => client.comments.push(comment),
    onRetry: (retry) => (client.retry = retry),
  });
  client.ended = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body!) {
        const text = decoder.decode(chunk as Uint8Array, { stream: true });
        raw += text;
        parser.feed(text);
      }
    } catch {
      // Aborted by the test or cut by the server: either way the stream is over.
    }
  })();
  return client;
}

/** Polls `check` until it returns a value, or fails after the timeout. */
export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const value = await pollUntil(check, (found) => found !== undefined && found !== false, { timeoutMs, everyMs: 20, what: check.toString() });
  return value as T;
}
