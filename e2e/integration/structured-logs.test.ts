import { describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../support/api';
import { pollUntil } from '../support/poll';
import { connectSse } from '../support/sse-client';
import { startServer, type ServerKind } from '../support/server';

// Under a supervisor stdout is a pipe, as here: JSON lines by default, Next's own lines included.
describe.each<ServerKind>(['npm-start', 'standalone'])('the log of %s', (kind) => {
  it('is one JSON object a line, from the settings summary at start to the last shutdown step, and holds no token', async () => {
    const server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'on', HOME_AIRPORT: 'MUC' }, { kind });
    expect(await server.stop('SIGTERM')).toBe(0);
    const entries = server.logEntries();
    for (const entry of entries) expect(entry).toMatchObject({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) });
    expect(entries.find((entry) => entry.component === 'console' && entry.msg.includes('Next.js'))).toBeDefined();
    expect(entries.find((entry) => entry.msg === 'starting')).toMatchObject({
      level: 'info',
      component: 'skyboard',
      store: 'memory',
      homeAirport: 'MUC',
      writeApi: ['admin: *'],
      simulator: { tickMs: 3000 },
    });
    expect(entries.filter((entry) => entry.component === 'shutdown').map((entry) => entry.msg)).toEqual([
      'SIGTERM: ending 0 streams and stopping.',
      'background work stopped and streams ended; letting in-flight writes finish',
      'store closed: exiting',
    ]);
    expect(server.output()).not.toContain(TEST_TOKEN);
  });
});

describe('LOG_LEVEL and LOG_FORMAT', () => {
  it('LOG_LEVEL=warn leaves out the info lines: none before the warning about refused streams', async () => {
    const server = await startServer({ LOG_LEVEL: 'warn', SSE_MAX_STREAMS: '1' });
    const kept = await connectSse(server.url);
    await kept.waitFor(() => kept.events.length > 0);
    expect((await fetch(`${server.url}/api/events`)).status).toBe(503);
    const warning = await pollUntil(
      () => server.logEntries().find((entry) => entry.component === 'sse'),
      Boolean,
      { timeoutMs: 8000, what: 'the warning about the refused stream' },
    );
    expect(warning).toMatchObject({ level: 'warn', refused: 1 });
    const entries = server.logEntries();
    expect(entries.slice(0, entries.indexOf(entries.find((entry) => entry.component === 'sse')!))).toEqual([]);
    kept.close();
    await server.stop();
  });

  it('LOG_FORMAT=text writes readable lines', async () => {
    const server = await startServer({ LOG_FORMAT: 'text' });
    await server.stop('SIGTERM');
    expect(server.output()).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[skyboard\] starting \{"instance":.*"store":"memory"/m);
    expect(server.output()).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[shutdown\] store closed: exiting$/m);
    expect(() => server.logEntries()).toThrow('Not a JSON log line');
  });

  it('a LOG_LEVEL it does not know stops the start, naming the setting', async () => {
    await expect(startServer({ LOG_LEVEL: 'chatty' })).rejects.toThrow(/"level":"fatal".*LOG_LEVEL: Invalid option/);
  });
});
