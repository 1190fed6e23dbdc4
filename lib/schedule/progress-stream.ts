import { componentLogger } from '../log/logger';
import { encodeFrame, encodeText } from '../sse/frames';
import type { ImportMessage } from './import-messages';

/**
 * The import's messages as an SSE body, produced as fast as the client reads them; `onEnd` runs
 * once when it is over (finished, failed or cancelled by the client going away).
 */
export function progressStream(messages: AsyncGenerator<ImportMessage>, onEnd: () => void = () => undefined): ReadableStream<Uint8Array> {
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await messages.next();
        if (!done) return controller.enqueue(encodeText(encodeFrame(value)));
        end();
        controller.close();
      } catch (error) {
        componentLogger('import').error({ err: error }, 'failed');
        end();
        controller.enqueue(encodeText(encodeFrame({ name: 'importError', data: { row: 0, field: '(import)', message: 'The server failed to apply the schedule; nothing was applied. Try again.' } })));
        controller.close();
      }
    },
    async cancel() {
      // Waits for a step in progress (an apply) to finish, so the next import starts after it.
      await messages.return(undefined).finally(end);
    },
  });
}
