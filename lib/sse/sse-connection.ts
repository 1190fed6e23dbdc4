import type { LoggedEvent } from '../flights/board-event';
import type { StreamSink } from './stream-sink';

export type CloseReason = 'client-gone' | 'server-close' | 'shutdown' | 'too-slow' | 'max-age' | 'error';

interface Pending {
  entry: LoggedEvent;
  bytes: Uint8Array;
}

/** Events handed out together: each one's frame, and all of them as one chunk. */
export interface Batch {
  entries: LoggedEvent[];
  frames: Uint8Array[];
  chunk: Uint8Array;
}

/**
 * One open stream. It buffers live events until its replay or snapshot is written, then writes only
 * events after the last id it sent, so the switch to live has no gap and no duplicate.
 */
export class SseConnection {
  private closed = false;
  private pending: Pending[] | null = [];
  // The last id the catch-up sent, until a newer event has been written (see writeIfNew).
  private skipThrough: string | null = null;
  // Unsent bytes allowed before the client counts as too slow: the catch-up frames are added on top,
  // until they drain (see send).
  private allowance: number;
  wroteSinceHeartbeat = false;
  /** When (Date.now()) the stream has lived its age and ends; Infinity: never. */
  expiresAt = Infinity;

  constructor(
    private readonly sink: StreamSink,
    private readonly maxBacklogBytes: number,
    private readonly compareIds: (a: string, b: string) => number,
    private readonly onClose: (connection: SseConnection, reason: CloseReason) => void,
  ) {
    this.allowance = maxBacklogBytes;
  }

  /** Whether its replay or snapshot is still being written (a heartbeat now would claim it is current). */
  get catchingUp(): boolean {
    return this.pending !== null && !this.closed;
  }

  /** Writes bytes; false when the stream is gone. */
  write(bytes: Uint8Array): boolean {
    if (this.closed) return false;
    try {
      this.sink.write(bytes);
    } catch {
      this.close('client-gone');
      return false;
    }
    this.wroteSinceHeartbeat = true;
    return true;
  }

  /** Hands over live events (their bytes shared by every connection); returns how many were written. */
  deliverBatch(batch: Batch): number {
    // A live stream takes the whole chunk; one still catching up, or skipping what its catch-up
    // sent, looks at each event.
    if (this.pending || this.skipThrough !== null) {
      let written = 0;
      for (let i = 0; i < batch.entries.length; i++) if (this.deliver(batch.entries[i]!, batch.frames[i]!)) written += 1;
      return written;
    }
    return this.send(batch.chunk) ? batch.entries.length : 0;
  }

  private deliver(entry: LoggedEvent, bytes: Uint8Array): boolean {
    if (this.pending) {
      this.pending.push({ entry, bytes });
      return false;
    }
    return this.writeIfNew(entry, bytes);
  }

  /** Ends the catch-up: `lastId` is the last event the client has been sent. */
  goLive(lastId: string) {
    if (this.closed || !this.pending) return;
    this.skipThrough = lastId;
    this.allowance = this.maxBacklogBytes + this.sink.queuedBytes();
    const pending = this.pending;
    this.pending = null;
    for (const { entry, bytes } of pending) this.writeIfNew(entry, bytes);
  }

  /** Ends the stream once; later calls do nothing. `finalBytes` are written first (closedConnection). */
  close(reason: CloseReason, finalBytes?: Uint8Array) {
    if (this.closed) return;
    if (finalBytes) this.write(finalBytes);
    this.closed = true;
    this.pending = null;
    try {
      if (reason === 'too-slow') this.sink.abort();
      else this.sink.end();
    } catch {
      // Already closed or errored by the runtime: nothing left to release.
    }
    this.onClose(this, reason);
  }

  // Events buffered during the catch-up, or still queued in the hub, may already be in the replay or
  // the snapshot: skip those. Events come in log order, so once one is newer, every later one is too
  // and a live stream compares no ids at all.
  private writeIfNew(entry: LoggedEvent, bytes: Uint8Array): boolean {
    if (this.skipThrough !== null) {
      if (this.compareIds(entry.id, this.skipThrough) <= 0) return false;
      this.skipThrough = null;
    }
    return this.send(bytes);
  }

  private send(bytes: Uint8Array): boolean {
    if (!this.write(bytes)) return false;
    const queued = this.sink.queuedBytes();
    // The catch-up's extra allowance shrinks as it drains (much of it into kernel buffers, even for a
    // client that never reads): a client may fall at most maxBacklogBytes behind its best point.
    this.allowance = Math.min(this.allowance, queued + this.maxBacklogBytes);
    if (queued > this.allowance) this.close('too-slow');
    return true;
  }
}
