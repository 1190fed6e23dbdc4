import { createParser } from 'eventsource-parser';

/** Reads an SSE response body (EventSource cannot POST) and hands each event over as it arrives. */
export async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: (name: string, data: string) => void) {
  const parser = createParser({ onEvent: (event) => onEvent(event.event ?? 'message', event.data) });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}
