import type { LoggedEvent } from '../flights/board-event';

export type CloseReason = 'client-gone' | 'server-close' | 'shutdown' | 'too-slow' | 'error';

interface Pending {
  entry: LoggedEvent;
  bytes: Uint8Array;
}

/**
 * One open stream. It buffers live events until its replay or snapshot is written, then writes only
 * events after the last id it sent, so the switch to live has no gap and no duplicate.
 */
export class SseConnection {
  private closed = false;
  private pending: Pending[] | null = [];
  private lastId = '';
  // Unsent bytes allowed before the client counts as too slow; the catch-up frames are added on top.
  private allowance: number;
  wroteSinceHeartbeat = false;

  constructor(
    private readonly controller: ReadableStreamDefaultController<Uint8Array>,
    private readonly maxBacklogBytes: number,
    private readonly compareIds: (a: string, b: string) => number,
    private readonly onClose: (connection: SseConnection, reason: CloseReason) => void,
  ) {
    this.allowance = maxBacklogBytes;
  }

  /** Writes bytes; false when the stream is gone. */
  write(bytes: Uint8Array): boolean {
    if (this.closed) return false;
    try {
      this.controller.enqueue(bytes);
    } catch {
      this.close('client-gone');
      return false;
    }
    this.wroteSinceHeartbeat = true;
    return true;
  }

  /** Hands over a live event (its bytes shared by every connection). */
  deliver(entry: LoggedEvent, bytes: Uint8Array): boolean {
    if (this.pending) {
      this.pending.push({ entry, bytes });
      return false;
    }
    // Once live, the log hands events over in order, each after the last: no comparison needed.
    return this.send(bytes);
  }

  /** Ends the catch-up: `lastId` is the last event the client has been sent. */
  goLive(lastId: string) {
    if (this.closed || !this.pending) return;
    this.lastId = lastId;
    this.allowance = this.maxBacklogBytes + this.queuedBytes();
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
      if (reason === 'too-slow') this.controller.error(new Error('client too slow'));
      else this.controller.close();
    } catch {
      // Already closed or errored by the runtime: nothing left to release.
    }
    this.onClose(this, reason);
  }

  // Events buffered during the catch-up may already be in the replay or the snapshot: skip those.
  private writeIfNew(entry: LoggedEvent, bytes: Uint8Array): boolean {
    if (this.compareIds(entry.id, this.lastId) <= 0) return false;
    this.lastId = entry.id;
    return this.send(bytes);
  }

  private send(bytes: Uint8Array): boolean {
    if (!this.write(bytes)) return false;
    if (this.queuedBytes() > this.allowance) this.close('too-slow');
    return true;
  }

  // The stream uses a zero high-water mark, so desiredSize is minus the bytes still queued.
  private queuedBytes() {
    return -(this.controller.desiredSize ?? 0);
  }
}
