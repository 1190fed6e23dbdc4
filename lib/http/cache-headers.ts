/** Live data must never be served from a cache. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;
