import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFlight } from '../flights/flight.fixture';
import { describeEventLogContract } from './event-log.contract';
import { createRedisLog } from './redis-log';

const url = process.env.REDIS_URL;
const prefixes: string[] = [];

if (!url && process.env.REQUIRE_REDIS === '1') {
  it('has REDIS_URL, which REQUIRE_REDIS=1 demands', () => {
    expect(url, 'REDIS_URL must be set when REQUIRE_REDIS=1').toBeDefined();
  });
}

describe.runIf(url)('redis event log', () => {
  afterAll(async () => {
    const redis = new Redis(url!);
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
    }
    redis.disconnect();
  });

  const logPrefixes = new WeakMap<object, string>();
  describeEventLogContract(
    'redis',
    async ({ historyLimit }) => {
      const prefix = `skyboard-test-${randomUUID()}`;
      prefixes.push(prefix);
      const log = createRedisLog({ url: url!, prefix, historyLimit });
      logPrefixes.set(log, prefix);
      return log;
    },
    // Redis flushed: every key of the board gone, then an instance starts on it again.
    async (previous, { historyLimit }) => {
      const prefix = logPrefixes.get(previous)!;
      await previous.close();
      const redis = new Redis(url!);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      return createRedisLog({ url: url!, prefix, historyLimit });
    },
    // Another instance starting on the same Redis.
    async (previous, { historyLimit }) => {
      const prefix = logPrefixes.get(previous)!;
      await previous.close();
      const log = createRedisLog({ url: url!, prefix, historyLimit });
      logPrefixes.set(log, prefix);
      return log;
    },
  );

  it('reads nothing of the stream for an id it does not hold, and reads a replay in pages', async () => {
    const prefix = `skyboard-test-${randomUUID()}`;
    prefixes.push(prefix);
    const log = createRedisLog({ url: url!, prefix, historyLimit: 5000 });
    const { entries } = await log.commit(() => ({
      events: Array.from({ length: 1200 }, (_, i) => ({ name: 'flightStateUpdate' as const, data: makeFlight({ id: `M${i}-2026-11-22` }) })),
      result: 0,
    }));
    const monitor = await monitorRedis(url!);
    expect(await log.readAfter('0-1')).toBeNull();
    expect(await log.readAfter(`${entries[0]!.id.split('-')[0]}-999999`)).toBeNull();
    const replay = await log.readAfter(entries[0]!.id);
    const commands = await monitor.stop(`${prefix}:marker`);
    const ranges = commands.filter((args) => args[0]?.toLowerCase() === 'xrange' && args[1] === `${prefix}:events`).map((args) => args.slice(2));

    expect(replay).toHaveLength(1199);
    // Only single-entry checks for the ids it does not hold; the real replay, in bounded pages.
    const reads = ranges.filter((args) => args[1] === '+');
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.every((args) => args[2]?.toUpperCase() === 'COUNT' && Number(args[3]) <= 500)).toBe(true);
    expect(reads.every(([start]) => start !== '(0-1' && !start!.endsWith('-999999'))).toBe(true);
    await log.close();
  });

  it('keeps when a flight became final for instances that start later', async () => {
    const prefix = `skyboard-test-${randomUUID()}`;
    prefixes.push(prefix);
    const first = createRedisLog({ url: url!, prefix, historyLimit: 10 });
    const departed = makeFlight({ status: 'departed', updatedAt: '2026-11-22T09:00:00.000Z' });
    await first.commit(() => ({ events: [{ name: 'flightStateUpdate', data: departed }], result: 0 }));
    await first.commit(() => ({ events: [{ name: 'flightStateUpdate', data: { ...departed, gate: 'Z1', updatedAt: '2026-11-22T09:30:00.000Z' } }], result: 0 }));
    const later = createRedisLog({ url: url!, prefix, historyLimit: 10 });
    await later.snapshot();
    expect(later.finalSince(departed.id)).toBe('2026-11-22T09:00:00.000Z');
    await Promise.all([first.close(), later.close()]);
  });

  it('keeps every key under its prefix', async () => {
    const prefix = `skyboard-test-${randomUUID()}`;
    prefixes.push(prefix);
    const log = createRedisLog({ url: url!, prefix, historyLimit: 10 });
    await log.commit(() => ({ events: [{ name: 'flightStateUpdate', data: makeFlight() }], result: 0 }));
    const redis = new Redis(url!);
    const keys = await redis.keys('*');
    expect(keys.filter((key) => key.includes(prefix)).every((key) => key.startsWith(`${prefix}:`))).toBe(true);
    const flightId = makeFlight().id;
    expect(keys.filter((key) => key.startsWith(`${prefix}:`)).sort()).toEqual(
      [`${prefix}:events`, `${prefix}:flights`, `${prefix}:history-index`, `${prefix}:history:${flightId}`, `${prefix}:last`].sort(),
    );
    redis.disconnect();
    await log.close();
  });
});

/**
 * Redis's MONITOR on a socket of its own: every command Redis runs, as its arguments. `stop` sends
 * a marker command and returns what came before it, so every command of the test has been seen.
 */
async function monitorRedis(redisUrl: string) {
  const { hostname, port } = new URL(redisUrl);
  const socket = connect(Number(port || 6379), hostname);
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  socket.write('MONITOR\r\n');
  await new Promise<void>((resolve) => {
    const check = () => (text.startsWith('+OK\r\n') ? resolve() : setTimeout(check, 5));
    check();
  });
  const commands = () =>
    text
      .split('\r\n')
      .slice(1)
      .map((line) => [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!));
  return {
    async stop(marker: string) {
      const admin = new Redis(redisUrl);
      await admin.exists(marker);
      admin.disconnect();
      while (!commands().some((args) => args[1] === marker)) await new Promise((resolve) => setTimeout(resolve, 5));
      socket.destroy();
      const all = commands();
      return all.slice(0, all.findIndex((args) => args[1] === marker));
    },
  };
}
