import type { ServerResponse } from 'node:http';
import type { StreamSink } from './stream-sink';

/**
 * The sink of a raw Node response. While the socket keeps up, one `res.write` per frame. Once it is
 * backed up, frames are held here and go out as one write when it drains: a client that falls behind
 * costs an array push per event instead of Node's per-write bookkeeping, and dropping one that never
 * reads discards the array instead of failing thousands of queued writes one by one.
 */
export function nodeResponseSink(res: ServerResponse): StreamSink {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let waitingForDrain = false;

  function send(bytes: Uint8Array) {
    if (res.write(bytes)) return;
    waitingForDrain = true;
    res.once('drain', sendHeld);
  }

  function takeHeld(): Uint8Array {
    const bytes = held.length === 1 ? held[0]! : Buffer.concat(held);
    held = [];
    heldBytes = 0;
    return bytes;
  }

  function sendHeld() {
    waitingForDrain = false;
    if (heldBytes > 0 && !res.destroyed && !res.writableEnded) send(takeHeld());
  }

  return {
    write(bytes) {
      if (res.destroyed || res.writableEnded) throw new Error('the response has ended');
      if (!waitingForDrain) return send(bytes);
      held.push(bytes);
      heldBytes += bytes.length;
    },
    // What Node holds for the socket beyond what the kernel took, plus what waits here for a drain.
    queuedBytes: () => res.writableLength + heldBytes,
    end: () => (heldBytes > 0 ? res.end(takeHeld()) : res.end()),
    abort: () => {
      held = [];
      heldBytes = 0;
      res.destroy();
    },
  };
}
