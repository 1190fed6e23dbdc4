import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLog } from '../events/memory-log';
import { trackInFlightWrites } from '../events/in-flight-writes';
import { createStreamHub } from '../sse/stream-hub';
import { installGracefulShutdown } from './graceful-shutdown';

vi.mock('server-only', () => ({}));

function setUp(stopBackgroundWork: () => Promise<void> = async () => undefined) {
  const log = trackInFlightWrites(createMemoryLog({ historyLimit: 10 }));
  const runtime = { log, hub: createStreamHub({ log, heartbeatMs: 60_000, maxBacklogBytes: 1024 }), release: vi.fn(), shuttingDown: false };
  const signals = new EventEmitter();
  const nextsOwnHandler = vi.fn();
  signals.on('SIGTERM', nextsOwnHandler);
  const exit = vi.fn<(code: number) => void>();
  const lines = { info: vi.fn(), error: vi.fn() };
  installGracefulShutdown(runtime, stopBackgroundWork, { signals, exit, deadlineMs: 5000, log: lines });
  return { runtime, signals, exit, nextsOwnHandler, lines };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('installGracefulShutdown', () => {
  it('replaces the handlers already installed, stops everything and exits 0', async () => {
    const { runtime, signals, exit, nextsOwnHandler } = setUp();
    signals.emit('SIGTERM', 'SIGTERM');
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
    expect(exit.mock.calls).toEqual([[0]]);
    expect(nextsOwnHandler).not.toHaveBeenCalled();
    expect(runtime.shuttingDown).toBe(true);
    expect(runtime.release).toHaveBeenCalledOnce();
  });

  it('exits 1 when the shutdown hangs past its deadline', async () => {
    vi.useFakeTimers();
    const { signals, exit, lines } = setUp(() => new Promise(() => undefined));
    signals.emit('SIGTERM', 'SIGTERM');
    await vi.advanceTimersByTimeAsync(4999);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exit.mock.calls).toEqual([[1]]);
    expect(lines.error).toHaveBeenCalledWith({ deadlineMs: 5000 }, expect.stringContaining('did not finish within 5000 ms'));
  });

  it('takes the same signal again at once as the same request, and a later one as "exit now"', async () => {
    vi.useFakeTimers();
    const { signals, exit } = setUp(() => new Promise(() => undefined));
    signals.emit('SIGTERM', 'SIGTERM');
    signals.emit('SIGINT', 'SIGINT');
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1500);
    signals.emit('SIGINT', 'SIGINT');
    expect(exit.mock.calls).toEqual([[1]]);
  });
});
