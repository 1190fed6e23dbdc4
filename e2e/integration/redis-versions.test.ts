import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { REDIS_URL, deleteKeys, redisRequiredButMissing, uniquePrefix } from '../support/redis';
import { startServer, type RunningServer } from '../support/server';

if (redisRequiredButMissing) {
  it('has REDIS_URL, which REQUIRE_REDIS=1 demands', () => expect(REDIS_URL).toBeDefined());
}

describe.runIf(REDIS_URL)('versions and history on two instances sharing one Redis', () => {
  const prefix = uniquePrefix();
  const env = () => ({ REDIS_URL: REDIS_URL!, REDIS_PREFIX: prefix, API_TOKEN: TEST_TOKEN, SIMULATOR: 'off' });
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    [a, b] = await Promise.all([startServer(env()), startServer(env())]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await deleteKeys(REDIS_URL!, prefix);
  });

  it('lets exactly one of two racing writes with the same If-Match win; the other gets 412, every time', { timeout: 60_000 }, async () => {
    const id = 'RACE1-2026-12-04';
    expect((await apiClient(a.url).create(newFlightBody({ id, flight: 'AZ1' }))).status).toBe(201);
    for (let round = 1; round <= 20; round++) {
      const ifMatch = { 'If-Match': `"${round}"` };
      const answers = await Promise.all([
        apiClient(a.url).send('PATCH', `/api/flights/${id}`, { gate: `A${round}` }, ifMatch),
        apiClient(b.url).send('PATCH', `/api/flights/${id}`, { gate: `B${round}` }, ifMatch),
      ]);
      expect(answers.map((answer) => answer.status).sort(), `round ${round}`).toEqual([200, 412]);
      const winner = await answers.find((answer) => answer.status === 200)!.json();
      expect(winner.version).toBe(round + 1);
    }
    const history = await (await fetch(`${b.url}/api/flights/${id}/history`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } })).json();
    // The creation and one entry per round: the losing writes left nothing behind.
    expect(history.entries).toHaveLength(21);
  });

  it('keeps the history for an instance that starts later', { timeout: 60_000 }, async () => {
    const id = 'HIST1-2026-12-04';
    expect((await apiClient(a.url).create(newFlightBody({ id, flight: 'AZ2' }))).status).toBe(201);
    expect((await apiClient(b.url).patch(id, { gate: 'C3' })).status).toBe(200);
    await a.stop();
    a = await startServer(env());
    const { entries } = await (await fetch(`${a.url}/api/flights/${id}/history`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } })).json();
    expect(entries.map((entry: { changes: Record<string, unknown> }) => Object.keys(entry.changes).includes('gate'))).toEqual([true, true]);
    expect(entries[1].changes.gate).toEqual(['B32', 'C3']);
  });
});
