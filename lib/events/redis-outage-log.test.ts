import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRedisOutageLog } from './redis-outage-log';

describe('the Redis outage log', () => {
  it('says once that Redis is away, with the reason, and once that it is back, whatever the retries', () => {
    const lines: string[] = [];
    const record = (_fields: object, line: string) => lines.push(line);
    const outage = createRedisOutageLog({ error: record, info: record });
    const [a, b] = [new EventEmitter(), new EventEmitter()];
    outage.watch(a as unknown as Redis);
    outage.watch(b as unknown as Redis);
    for (let retry = 0; retry < 5; retry++) {
      a.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
      b.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    }
    a.emit('ready');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('unavailable: connect ECONNREFUSED 127.0.0.1:6379');
    b.emit('ready');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^back after \d+\.\d s\.$/);
    a.emit('error', new Error('read ECONNRESET'));
    expect(lines.at(-1)).toContain('unavailable: read ECONNRESET');
    a.emit('ready');
    b.emit('reconnecting', 100);
    expect(lines.at(-1)).toContain('unavailable: the connection closed');
    expect(lines).toHaveLength(5);
  });
});
