import { connectSse } from '../e2e/support/sse-client';
import { startServer } from '../e2e/support/server';
import { TEST_TOKEN } from '../e2e/support/api';
import { idAt, sequenceOf } from '../e2e/support/event-ids';

/** Time for a reconnecting client to receive 1,000 and 10,000 missed events. */
export async function measureResume() {
  const server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'off', HISTORY_LIMIT: '20000' });
  try {
    // One schedule import of 10,000 rows makes 10,000 events in one step.
    const header = 'id,flight,airline,direction,origin,destination,scheduled,status';
    const rows = Array.from({ length: 10_000 }, (_, i) => `R${i}-2026-11-22,BA${(i % 9999) + 1},British Airways,departure,LHR:London,JFK:New York,2026-11-22T10:00:00Z,scheduled`);
    const response = await fetch(`${server.url}/api/schedule`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'text/csv' },
      body: [header, ...rows].join('\n'),
    });
    await response.text();
    const last = (await (await fetch(`${server.url}/api/status`)).json()).lastEventId as string;
    const results = [];
    for (const missed of [1000, 10_000]) {
      const started = performance.now();
      const client = await connectSse(server.url, { lastEventId: idAt(last, sequenceOf(last) - missed) });
      await client.waitFor(() => client.events.length === missed, 60_000);
      results.push({ 'missed events': missed, 'replay ms': Math.round(performance.now() - started), snapshot: client.events[0]!.event === 'snapshot' });
      client.close();
    }
    return results;
  } finally {
    await server.stop();
  }
}
