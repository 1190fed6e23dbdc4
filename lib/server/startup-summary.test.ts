import { describe, expect, it } from 'vitest';
import { acceptedTokens } from '../auth/api-tokens';
import { readSettings } from '../env';
import { startupSummary } from './startup-summary';

const home = { iata: 'LHR', city: 'London', name: 'Heathrow', timeZone: 'Europe/London' };

describe('the startup summary', () => {
  it('says which store and board, and never a token or a Redis password', () => {
    const settings = readSettings({
      API_TOKEN: 'write-token-0123456789',
      METRICS_TOKEN: 'metrics-token-0123456789',
      API_TOKENS: JSON.stringify([{ name: 'kl-desk', token: 'kl-desk-secret-0123456789', scopes: ['flights'], airlines: ['KL'] }]),
      REDIS_URL: 'redis://ops:hunter2-secret@redis.internal:6379/2',
    });
    const summary = startupSummary({ settings, tokens: acceptedTokens(settings), backend: 'redis', home, instance: 'i-1' });
    expect(summary).toMatchObject({
      store: 'redis',
      redis: 'redis://ops:redacted@redis.internal:6379/2',
      redisPrefix: 'skyboard',
      writeApi: ['admin: *', 'kl-desk: flights (KL)'],
      metrics: 'token',
    });
    const written = JSON.stringify(summary);
    for (const secret of ['write-token-0123456789', 'kl-desk-secret-0123456789', 'metrics-token-0123456789', 'hunter2-secret']) expect(written).not.toContain(secret);
  });

  it('names the SQLite file and a closed write API when there is no token', () => {
    const summary = startupSummary({ settings: readSettings({ SIMULATOR: 'off' }), tokens: [], backend: 'sqlite', home, instance: 'i-2' });
    expect(summary).toMatchObject({ store: 'sqlite', databasePath: './data/skyboard.db', simulator: 'off', writeApi: 'closed', metrics: 'open' });
    expect(summary).not.toHaveProperty('redis');
  });
});
