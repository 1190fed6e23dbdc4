/** Where one stream's bytes go: the route handler's `ReadableStream`, or a test's collector. */
export interface StreamSink {
  /** Queues bytes for the client; throws when the stream is gone. */
  write(bytes: Uint8Array): void;
  /** Bytes written but not yet handed to the socket: how far behind the client is. */
  queuedBytes(): number;
  /** Ends the response normally. */
  end(): void;
  /** Ends the response as failed (a client too slow to keep): no clean end of stream. */
  abort(): void;
}

/** The sink of a Web stream. Its queue must use a zero high-water mark, so desiredSize is minus the backlog. */
export function webStreamSink(controller: ReadableStreamDefaultController<Uint8Array>): StreamSink {
  return {
    write: (bytes) => controller.enqueue(bytes),
    queuedBytes: () => -(controller.desiredSize ?? 0),
    end: () => controller.close(),
    abort: () => controller.error(new Error('client too slow')),
  };
}
