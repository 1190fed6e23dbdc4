import { encodeFrame, encodeText } from '../sse/frames';
import type { ImportMessage } from './import-schedule';

/** The import's messages as an SSE body, produced as fast as the client reads them. */
export function progressStream(messages: AsyncGenerator<ImportMessage>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await messages.next();
        if (done) controller.close();
        else controller.enqueue(encodeText(encodeFrame(value)));
      } catch (error) {
        console.error('[import] failed:', error);
        controller.enqueue(encodeText(encodeFrame({ name: 'importError', data: { row: 0, field: '(import)', message: 'The server failed to apply the schedule; nothing was applied. Try again.' } })));
        controller.close();
      }
    },
    async cancel() {
      await messages.return(undefined);
    },
  });
}
