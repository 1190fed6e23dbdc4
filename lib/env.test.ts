import { describe, expect, it } from 'vitest';
import { readSettings } from './env';

describe('readSettings', () => {
  it('has the contract defaults', () => {
    expect(readSettings({})).toMatchObject({
      PORT: 3000,
      SIMULATOR: 'on',
      SIMULATOR_TICK_MS: 3000,
      SIMULATOR_SPEED: 1,
      SIMULATOR_FLIGHTS: 40,
      HOME_AIRPORT: 'LHR',
      SSE_HEARTBEAT_MS: 15000,
      SSE_RETRY_MS: 3000,
      SSE_MAX_STREAMS: 20000,
      HISTORY_LIMIT: 10000,
      BOARD_RETENTION_MS: 600000,
      DATABASE_PATH: './data/skyboard.db',
      REDIS_PREFIX: 'skyboard',
      LOG_LEVEL: 'info',
    });
    expect(readSettings({}).API_TOKEN).toBeUndefined();
  });

  it.each([
    ['SIMULATOR_TICK_MS', 'fast'],
    ['SIMULATOR', 'yes'],
    ['HOME_AIRPORT', 'london'],
    ['HISTORY_LIMIT', '-5'],
    ['PORT', '70000'],
    ['REDIS_URL', 'http://localhost'],
    ['API_TOKEN', 'short'],
    ['SIMULATOR_SPEED', '0.5'],
    ['SIMULATOR_SPEED', 'fast'],
    ['SSE_MAX_STREAMS', '0'],
    ['KEEP_ALIVE_TIMEOUT', '10'],
    ['LOG_FORMAT', 'xml'],
    ['LOG_LEVEL', 'verbose'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => readSettings({ [name]: value })).toThrow(name);
  });

  it('treats an empty variable as unset', () => {
    expect(readSettings({ SIMULATOR_TICK_MS: '' }).SIMULATOR_TICK_MS).toBe(3000);
  });
});
