import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, loggerSettings } from './logger';
import type { LoggerOptions } from './logger';

function capture(options: Omit<LoggerOptions, 'destination'>) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger({ ...options, destination, colorize: false }), lines };
}

describe('the logger', () => {
  it('writes one JSON object a line with time, level by name, msg and the fields', () => {
    const { log, lines } = capture({ format: 'json', level: 'info' });
    log.child({ component: 'redis' }).warn({ reason: 'connect ECONNREFUSED' }, 'unavailable');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'warn', msg: 'unavailable', component: 'redis', reason: 'connect ECONNREFUSED' });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it('leaves out what is below LOG_LEVEL', () => {
    const { log, lines } = capture({ format: 'json', level: 'warn' });
    log.info('routine');
    log.error('trouble');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['trouble']);
  });

  it('writes an error with its type and stack', () => {
    const { log, lines } = capture({ format: 'json', level: 'info' });
    log.error({ err: new TypeError('bad thing') }, 'unexpected error');
    expect(JSON.parse(lines[0]!).err).toMatchObject({ type: 'TypeError', message: 'bad thing', stack: expect.stringContaining('logger.test.ts') });
  });

  it('never writes a token, an authorization header or a body, whoever passes one', () => {
    const { log, lines } = capture({ format: 'json', level: 'info' });
    const secret = 'secret-token-0123456789';
    log.info({ token: secret, body: { gate: 'B7', secret }, headers: { authorization: `Bearer ${secret}` }, request: { authorization: secret } }, 'request');
    expect(lines[0]).not.toContain(secret);
    expect(JSON.parse(lines[0]!)).toMatchObject({ token: '[redacted]', body: '[redacted]', headers: { authorization: '[redacted]' } });
  });

  it('writes readable lines in text: time, level, the component, the message', () => {
    const { log, lines } = capture({ format: 'text', level: 'info' });
    log.child({ component: 'shutdown' }).info({ signal: 'SIGTERM' }, 'SIGTERM: ending 2 streams and stopping.');
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[shutdown\] SIGTERM: ending 2 streams and stopping\. \{"signal":"SIGTERM"\}$/);
    expect(lines).toHaveLength(1);
  });

  it('takes LOG_FORMAT and LOG_LEVEL from the environment, and keeps the defaults for values it does not know', () => {
    expect(loggerSettings({ LOG_FORMAT: 'text', LOG_LEVEL: 'debug' })).toEqual({ format: 'text', level: 'debug' });
    expect(loggerSettings({ LOG_FORMAT: 'xml', LOG_LEVEL: 'loud' })).toEqual({ format: process.stdout.isTTY ? 'text' : 'json', level: 'info' });
  });
});
