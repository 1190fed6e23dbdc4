import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { freePort } from './server';

/** The shared Redis of these tests; with REQUIRE_REDIS=1 (CI) its absence fails instead of skipping. */
export const REDIS_URL = process.env.REDIS_URL;
export const redisRequiredButMissing = !REDIS_URL && process.env.REQUIRE_REDIS === '1';

/** A prefix no other test uses, so runs never see each other's keys. */
export const uniquePrefix = () => `skyboard-it-${randomUUID().slice(0, 8)}`;

export async function deleteKeys(url: string, prefix: string) {
  const redis = new Redis(url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

/**
 * A private redis-server on its own port, so a test may restart it without touching anyone else's;
 * with `running: false` it is only given a port, for a test to start it later.
 */
export async function startPrivateRedis({ running = true } = {}) {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    probe.on('error', () => undefined);
    for (let i = 0; i < 100; i++) {
      try {
        await probe.connect().catch(() => undefined);
        if ((await probe.ping()) === 'PONG') break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    probe.disconnect();
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  if (running) await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    /** Freezes the server: connections stay open, commands get no answer until `thaw`. */
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
  };
}
