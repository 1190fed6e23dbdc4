import { createHash, timingSafeEqual } from 'node:crypto';
import { hasScope, type ApiToken, type Caller, type Scope } from '../auth/api-tokens';
import { AppError } from './app-error';

const digest = (value: string) => createHash('sha256').update(value).digest();

function presentedToken(request: Request): string | null {
  return /^Bearer (.+)$/i.exec((request.headers.get('authorization') ?? '').trim())?.[1] ?? null;
}

/**
 * The accepted token the request carries. Every token is compared, in constant time through their
 * digests, so neither the answer's time nor its path says how close a guess came, or which token it was near.
 */
function matchingToken(request: Request, tokens: readonly ApiToken[]): ApiToken | null {
  const presented = presentedToken(request);
  if (presented === null) return null;
  const candidate = digest(presented);
  let match: ApiToken | null = null;
  for (const token of tokens) if (timingSafeEqual(candidate, digest(token.token)) && match === null) match = token;
  return match;
}

/**
 * Lets a write through only with the bearer token of a caller that has `scope`; no token
 * configured means no writes at all (403 `writes_disabled`), a wrong one 401, a lacking one 403 `forbidden`.
 */
export function authorize(request: Request, tokens: readonly ApiToken[], scope: Scope): Caller {
  if (tokens.length === 0) {
    throw new AppError('writes_disabled', 'Writes are disabled on this server: set API_TOKEN or API_TOKENS to enable them.');
  }
  const token = matchingToken(request, tokens);
  if (!token) throw new AppError('unauthorized', 'Send a valid token in the header "Authorization: Bearer <token>".');
  if (!hasScope(token, scope)) {
    throw new AppError('forbidden', `The token "${token.name}" does not have the right "${scope}" that this request needs.`);
  }
  return { name: token.name, airlines: token.airlines };
}

/** With METRICS_TOKEN set, the metrics need it; unset, they are public. */
export function requireMetricsAccess(request: Request, metricsToken: string | undefined) {
  if (!metricsToken) return;
  const presented = presentedToken(request);
  if (presented === null || !timingSafeEqual(digest(presented), digest(metricsToken))) {
    throw new AppError('unauthorized', 'The metrics need the header "Authorization: Bearer <METRICS_TOKEN>".');
  }
}
