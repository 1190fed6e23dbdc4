import { describe, expect, it } from 'vitest';
import { readSettings } from '../env';
import { mayWriteFlight } from './airline-access';
import { acceptedTokens, hasScope } from './api-tokens';

const tokens = (list: unknown) => ({ API_TOKENS: JSON.stringify(list) });
const entry = (overrides: Record<string, unknown> = {}) => ({ name: 'kl-desk', token: 'kl-desk-secret-0123456789', scopes: ['flights'], ...overrides });

describe('API_TOKENS', () => {
  it('reads named tokens with their scopes and airlines, and API_TOKEN beside them as admin with every right', () => {
    const settings = readSettings({ API_TOKEN: 'admin-secret-0123456789', ...tokens([entry({ airlines: ['KL', 'AF'] }), entry({ name: 'ops', token: 'ops-secret-0123456789', scopes: ['notices', 'screens'] })]) });
    const accepted = acceptedTokens(settings);
    expect(accepted.map(({ name, scopes, airlines }) => [name, scopes, airlines])).toEqual([
      ['admin', ['*'], null],
      ['kl-desk', ['flights'], ['KL', 'AF']],
      ['ops', ['notices', 'screens'], null],
    ]);
    expect(hasScope(accepted[0]!, 'history')).toBe(true);
    expect(hasScope(accepted[2]!, 'flights')).toBe(false);
    expect(mayWriteFlight({ name: 'kl-desk', airlines: ['KL', 'AF'] }, 'AF1234')).toBe(true);
    expect(mayWriteFlight({ name: 'kl-desk', airlines: ['KL', 'AF'] }, 'BA117')).toBe(false);
    expect(mayWriteFlight({ name: 'admin', airlines: null }, 'BA117')).toBe(true);
  });

  it.each([
    ['not JSON', '[{', /API_TOKENS: must be JSON/],
    ['an empty list', '[]', /API_TOKENS: must list at least one token/],
    ['a short token', JSON.stringify([entry({ token: 'short' })]), /API_TOKENS\.0\.token: must be at least 16 characters/],
    ['an unknown scope', JSON.stringify([entry({ scopes: ['flights', 'everything'] })]), /API_TOKENS\.0\.scopes\.1: must each be one of flights, schedule, screens, notices, close, history, \*/],
    ['no scope', JSON.stringify([entry({ scopes: [] })]), /must name at least one scope/],
    ['a bad airline', JSON.stringify([entry({ airlines: ['KLM'] })]), /API_TOKENS\.0\.airlines\.0: must each be a two-character airline designator/],
    ['a repeated name', JSON.stringify([entry(), entry({ token: 'other-secret-0123456789' })]), /names "kl-desk" twice/],
    ['a repeated secret', JSON.stringify([entry(), entry({ name: 'af-desk' })]), /gives the tokens kl-desk and af-desk the same secret/],
    ['an unknown field', JSON.stringify([entry({ role: 'admin' })]), /API_TOKENS\.0/],
  ])('stops start-up on %s, naming what is wrong and never the secret', (_, value, message) => {
    let thrown: unknown;
    try {
      readSettings({ API_TOKENS: value });
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(message);
    expect(String(thrown)).not.toContain('kl-desk-secret-0123456789');
  });

  it('refuses a named token that takes the name or the secret of API_TOKEN', () => {
    expect(() => readSettings({ API_TOKEN: 'admin-secret-0123456789', ...tokens([entry({ name: 'admin' })]) })).toThrow(/names a token "admin"/);
    expect(() => readSettings({ API_TOKEN: 'kl-desk-secret-0123456789', ...tokens([entry()]) })).toThrow(/repeats the secret of API_TOKEN/);
  });
});
