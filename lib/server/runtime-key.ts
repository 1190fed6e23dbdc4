import type { Runtime } from './runtime';

// instrumentation.ts and the route handlers are separate bundles, each with its own copy of the
// modules: only globalThis is shared by all of them.
export const RUNTIME_KEY = Symbol.for('skyboard.runtime');
export type RuntimeHolder = { [RUNTIME_KEY]?: Runtime };
