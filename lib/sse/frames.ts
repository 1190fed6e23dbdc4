import type { LoggedEvent } from '../flights/board-event';
import type { StreamEvent } from '../flights/stream-schema';
import type { ImportMessage } from '../schedule/import-messages';

/** The SSE response headers, in one place (CONTRACT section 2). */
export const SSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
});

/** What the server may write as a frame: an event of the board's stream or of an import's progress, each name with its own data. */
export type FrameMessage = StreamEvent | ImportMessage;

/**
 * One SSE frame. JSON.stringify escapes CR and LF inside strings, so `data` is always one line and a
 * field value can never start a new field or frame. Ids and names come from the server, never a client.
 */
export function encodeFrame({ name, data }: FrameMessage, id?: string): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return `${idLine}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A logged event as the bytes every stream shares. */
export function encodeLoggedEvent(entry: LoggedEvent): Uint8Array {
  return encodeText(encodeFrame(entry.event, entry.id));
}

// A Buffer, not a plain Uint8Array: a Node socket wraps every plain Uint8Array written to it in a new
// Buffer, which would be one allocation per stream per event.
export function encodeText(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** The heartbeat at one board instant, with no id line so the client's last event id stays. */
export function heartbeatFrame(boardNowMs: number): Uint8Array {
  return encodeText(encodeFrame({ name: 'heartbeat', data: { now: new Date(boardNowMs).toISOString() } }));
}

export function retryFrame(retryMs: number): Uint8Array {
  return encodeText(`retry: ${retryMs}\n\n`);
}
