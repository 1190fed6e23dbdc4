import { z } from 'zod';
import { closeReasonSchema } from '../sse/close-request';

/** What one instance tells the others on the control channel: close every stream, for this reason. */
const closeMessageSchema = z.object({ reason: closeReasonSchema.shape.reason, from: z.string() });
export type CloseMessage = z.infer<typeof closeMessageSchema>;

/** A message of the control channel, checked; null when it is not a close message. */
export function parseCloseMessage(message: string): CloseMessage | null {
  try {
    const result = closeMessageSchema.safeParse(JSON.parse(message));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
