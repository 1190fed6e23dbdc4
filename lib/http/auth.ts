import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from './app-error';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Lets a write through only with `Authorization: Bearer <API_TOKEN>`. Comparing digests keeps the
 * comparison constant-time whatever the lengths; no token configured means no writes at all.
 */
export function requireWriteAccess(request: Request, apiToken: string | undefined) {
  if (!apiToken) {
    throw new AppError('writes_disabled', 'Writes are disabled on this server: set API_TOKEN to enable them.');
  }
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer (.+)$/i.exec(header.trim());
  if (!match || !timingSafeEqual(digest(match[1]!), digest(apiToken))) {
    throw new AppError('unauthorized', 'Send a valid token in the header "Authorization: Bearer <API_TOKEN>".');
  }
}
