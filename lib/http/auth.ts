import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from './app-error';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request carries `Authorization: Bearer <token>`; digests keep it constant-time whatever the lengths. */
function carriesToken(request: Request, token: string) {
  const match = /^Bearer (.+)$/i.exec((request.headers.get('authorization') ?? '').trim());
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

/** Lets a write through only with `Authorization: Bearer <API_TOKEN>`; no token configured means no writes at all. */
export function requireWriteAccess(request: Request, apiToken: string | undefined) {
  if (!apiToken) {
    throw new AppError('writes_disabled', 'Writes are disabled on this server: set API_TOKEN to enable them.');
  }
  if (!carriesToken(request, apiToken)) {
    throw new AppError('unauthorized', 'Send a valid token in the header "Authorization: Bearer <API_TOKEN>".');
  }
}

/** With METRICS_TOKEN set, the metrics need it; unset, they are public. */
export function requireMetricsAccess(request: Request, metricsToken: string | undefined) {
  if (metricsToken && !carriesToken(request, metricsToken)) {
    throw new AppError('unauthorized', 'The metrics need the header "Authorization: Bearer <METRICS_TOKEN>".');
  }
}
