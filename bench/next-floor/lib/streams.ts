// The floor's open streams, on globalThis: each route handler is its own bundle.
const KEY = Symbol.for('next-floor.streams');
const holder = globalThis as { [KEY]?: Set<ReadableStreamDefaultController<Uint8Array>> };

/** Every open stream's controller. */
export const streams = (holder[KEY] ??= new Set());
