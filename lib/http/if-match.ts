import { AppError } from './app-error';

/** A flight's ETag: its version, quoted (CONTRACT section 10). */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The version an `If-Match` header names: `"3"` (or `W/"3"`, read as the same version), `*` for
 * any; undefined without the header. Anything else is refused with 400, not taken as no condition.
 */
export function ifMatchOf(request: Request): number | '*' | undefined {
  const header = request.headers.get('if-match');
  if (header === null) return undefined;
  const value = header.trim();
  if (value === '*') return '*';
  const match = /^(?:W\/)?"([1-9]\d{0,14})"$/.exec(value);
  if (!match) {
    throw new AppError('validation_failed', 'If-Match must be the ETag GET /api/flights/{id} sent, such as "3" (with the quotes).', [
      { field: 'If-Match', message: 'must be a quoted version such as "3"' },
    ]);
  }
  return Number(match[1]);
}
