import type { Runtime } from './runtime';

// instrumentation.ts, the route handlers and lib/cli/serve.ts each have their own copy of the modules:
// only globalThis is shared by all of them.
export const RUNTIME_KEY = Symbol.for('skyboard.runtime');
export type RuntimeHolder = { [RUNTIME_KEY]?: Runtime };

/** The process's runtime if instrumentation has created it; readable outside Next's bundles (no server-only). */
export function sharedRuntime(): Runtime | undefined {
  return (globalThis as RuntimeHolder)[RUNTIME_KEY];
}
