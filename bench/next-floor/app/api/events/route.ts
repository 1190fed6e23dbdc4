import { SSE_STREAM_HEADERS } from '../../../lib/sample-frame';
import { streams } from '../../../lib/streams';

export const dynamic = 'force-dynamic';

const RETRY = Buffer.from('retry: 3000\n\n');

/** The least a route handler can do for SSE: a ReadableStream the broadcast enqueues into. */
export function GET(request: Request) {
  let controller: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>(
    {
      start(opened) {
        controller = opened;
        streams.add(controller);
        controller.enqueue(RETRY);
        request.signal.addEventListener('abort', () => streams.delete(controller), { once: true });
      },
      cancel() {
        streams.delete(controller);
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
  );
  return new Response(body, { headers: SSE_STREAM_HEADERS });
}
