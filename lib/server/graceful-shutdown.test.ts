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
  installGracefulShutdown(runtime, stopBackgroundWork, { signals, exit, deadlineMs: 5000 });
  return { runtime, signals, exit, nextsOwnHandler };
}

afterEach(() => {
  vi.useRealTimers();
  vi.spyOn(console, 'log').mockRestore();
});

describe('installGracefulShutdown', () => {
  it('replaces the handlers already installed, stops everything and exits 0', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
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
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { signals, exit } = setUp(() => new Promise(() => undefined));
    signals.emit('SIGTERM', 'SIGTERM');
    await vi.advanceTimersByTimeAsync(4999);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exit.mock.calls).toEqual([[1]]);
    expect(stderr.mock.calls[0]![0]).toContain('did not finish within 5000 ms');
  });

  it('takes the same signal again at once as the same request, and a later one as "exit now"', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { signals, exit } = setUp(() => new Promise(() => undefined));
    signals.emit('SIGTERM', 'SIGTERM');
    signals.emit('SIGINT', 'SIGINT');
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1500);
    signals.emit('SIGINT', 'SIGINT');
    expect(exit.mock.calls).toEqual([[1]]);
  });
});
