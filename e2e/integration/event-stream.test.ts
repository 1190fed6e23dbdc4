import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvents, boardFromFlights } from '@/lib/flights/board';
import type { BoardEvent } from '@/lib/flights/board-event';
import type { Flight } from '@/lib/flights/flight';
import { connectSse, waitFor, type ReceivedEvent, type SseClient } from '../support/sse-client';
import { startServer, type RunningServer, type ServerKind } from '../support/server';
import { idAt, sequenceOf } from '../support/event-ids';
import { pollUntil } from '../support/poll';

// A busy simulator gives a steady flow of real events to replay and compare.
let server: RunningServer;
const open: SseClient[] = [];

async function connect(options?: Parameters<typeof connectSse>[1]) {
  const client = await connectSse(server.url, options);
  open.push(client);
  return client;
}

const ids = (events: ReceivedEvent[]) => events.map((event) => event.id);

// The route handler serves the stream however the app runs: the whole suite runs against `npm start`
// (which launches `next start`) and against the standalone server.
describe.each<ServerKind>(['npm-start', 'standalone'])('served by %s', (kind) => {
  beforeAll(async () => {
    server = await startServer(
      {
        SIMULATOR: 'on',
        SIMULATOR_TICK_MS: '40',
        // Five board minutes a second: a steady flow of real simulated changes.
        SIMULATOR_SPEED: '300',
        SIMULATOR_FLIGHTS: '25',
        SSE_RETRY_MS: '1234',
        HISTORY_LIMIT: '50',
        BOARD_RETENTION_MS: '500',
      },
      { kind },
    );
  });

  afterAll(async () => {
    for (const client of open.splice(0)) client.close();
    await server.stop();
  });

  describe('GET /api/events', () => {
    it('answers with the SSE headers, uncompressed, and writes the retry hint first', async () => {
      const response = await fetch(`${server.url}/api/events`, { headers: { 'Accept-Encoding': 'gzip, br' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      const reader = response.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(first.startsWith('retry: 1234\n')).toBe(true);
      await reader.cancel();
    });

    it('starts a fresh connection with a snapshot of the whole board, whose id is the last event it includes', async () => {
      const client = await connect();
      const [snapshot] = await client.waitFor(() => client.events.length > 0 && client.events);
      expect(snapshot!.event).toBe('snapshot');
      const flights = (snapshot!.data as { flights: Flight[] }).flights;
      expect(flights.length).toBeGreaterThan(0);
      expect(sequenceOf(snapshot!.id)).toBeGreaterThan(0);
      expect(client.retry).toBe(1234);
    });

    it('replays exactly what a connection that stayed open saw after the resume id, then goes on live', async () => {
      const witness = await connect();
      await witness.waitFor(() => witness.events.length >= 12);
      const resumeFrom = witness.events[3]!.id!;
      const resumed = await connect({ lastEventId: resumeFrom });
      await resumed.waitFor(() => resumed.events.length >= 20, 8000);
      expect(resumed.events[0]!.event).not.toBe('snapshot');
      const lastShared = resumed.events[19]!.id;
      await witness.waitFor(() => witness.events.some((event) => event.id === lastShared));
      const expected = witness.events.slice(4, witness.events.findIndex((event) => event.id === lastShared) + 1);
      expect(resumed.events.slice(0, 20)).toEqual(expected);
    });

    it('has no gap and no duplicate between the snapshot and the live events', async () => {
      const client = await connect();
      await client.waitFor(() => client.events.length >= 30, 8000);
      const [snapshot, ...live] = client.events;
      const sequence = [sequenceOf(snapshot!.id), ...live.map((event) => sequenceOf(event.id))];
      sequence.forEach((id, index) => index > 0 && expect(id).toBe(sequence[index - 1]! + 1));

      // Folding the client's events must give the board the server reports as of the same id.
      const state = await (await fetch(`${server.url}/api/flights`)).json();
      await client.waitFor(() => client.events.some((event) => event.id === state.lastEventId));
      const upTo = client.events.findIndex((event) => event.id === state.lastEventId);
      const folded = applyEvents(
        boardFromFlights((snapshot!.data as { flights: Flight[] }).flights),
        client.events.slice(1, upTo + 1).map((event) => ({ name: event.event, data: event.data }) as BoardEvent),
      );
      expect(folded).toEqual(boardFromFlights(state.flights));
    });

    it('reads the resume id from the lastEventId query parameter, and the header wins over it', async () => {
      const witness = await connect();
      await witness.waitFor(() => witness.events.length >= 6);
      const viaQuery = await connect({ query: `lastEventId=${witness.events[2]!.id}` });
      await viaQuery.waitFor(() => viaQuery.events.length > 0);
      expect(viaQuery.events[0]!.id).toBe(witness.events[3]!.id);

      const both = await connect({ query: 'lastEventId=garbage', lastEventId: witness.events[4]!.id });
      await both.waitFor(() => both.events.length > 0);
      expect(both.events[0]!.id).toBe(witness.events[5]!.id);
    });

    it.each([
      ['malformed', () => 'not-an-id'],
      ['unknown (from the future)', (last: string) => idAt(last, 99_999_999)],
      ['older than the retained history', (last: string) => idAt(last, 1)],
      // The same sequence number under another epoch: what a client of a restarted memory store holds.
      ['from another history (a restarted store)', (last: string) => `${last.startsWith('AAAAAAAA.') ? 'BBBBBBBB' : 'AAAAAAAA'}.${sequenceOf(last)}`],
      ['a bare number, as earlier versions gave', () => '3'],
      ['absurdly long', () => '9'.repeat(5000)],
    ])('sends a snapshot when the resume id is %s', async (_, resumeFrom) => {
      // Make sure the first event has been trimmed from the 50 retained ones.
      const lastId = async () => (await (await fetch(`${server.url}/api/status`)).json()).lastEventId as string;
      const last = await pollUntil(lastId, (id) => sequenceOf(id) > 60, { timeoutMs: 10_000 });
      const client = await connect({ lastEventId: resumeFrom(last) });
      await client.waitFor(() => client.events.length > 0);
      expect(client.events[0]!.event).toBe('snapshot');
    });

    it('gives every client the same events in the same order', async () => {
      const [a, b] = [await connect(), await connect()];
      await waitFor(() => a.events.length >= 15 && b.events.length >= 15, 8000);
      const common = ids(a.events.slice(1)).filter((id) => ids(b.events.slice(1)).includes(id));
      expect(common.length).toBeGreaterThan(5);
      expect(ids(b.events.slice(1)).filter((id) => common.includes(id))).toEqual(common);
    });

    it('takes a flight in a final status off the board with flightRemoval after BOARD_RETENTION_MS', async () => {
      const client = await connect();
      const removal = await client.waitFor(() => client.events.find((event) => event.event === 'flightRemoval'), 20_000);
      const { id } = removal.data as { id: string; flight: string };
      expect((await fetch(`${server.url}/api/flights/${encodeURIComponent(id)}`)).status).toBe(404);
    });
  });

  describe('HEAD /api/events', () => {
    it("answers the stream's headers with no body and opens no stream", async () => {
      const clients = async () => (await (await fetch(`${server.url}/api/status`)).json()).clients as number;
      for (const client of open.splice(0)) client.close();
      await pollUntil(clients, (n) => n === 0);
      const responses = await Promise.all(Array.from({ length: 5 }, () => fetch(`${server.url}/api/events`, { method: 'HEAD' })));
      for (const response of responses) {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
        expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
        expect(await response.text()).toBe('');
      }
      // A stream opened after the HEADs is counted, so the count is live and shows no HEAD stream.
      await connect();
      expect(await pollUntil(clients, (n) => n > 0)).toBe(1);
    });
  });

  describe('GET /api/status', () => {
    it('counts open streams, and follows connects and disconnects within a second', async () => {
      const clients = async () => (await (await fetch(`${server.url}/api/status`)).json()).clients as number;
      for (const client of open.splice(0)) client.close();
      const before = await pollUntil(clients, (n) => n === 0);
      const three = [await connect(), await connect(), await connect()];
      await pollUntil(clients, (n) => n === before + 3, { timeoutMs: 1000 });
      three[0]!.close();
      three[1]!.close();
      await pollUntil(clients, (n) => n === before + 1, { timeoutMs: 1000 });
      const status = await (await fetch(`${server.url}/api/status`)).json();
      expect(status).toMatchObject({ backend: 'memory', flights: expect.any(Number), lastEventId: expect.any(String) });
      expect(status.uptimeSeconds).toBeGreaterThanOrEqual(0);
      expect(typeof status.instance).toBe('string');
    });

    it('reports the board clock as now, running SIMULATOR_SPEED (300) times as fast as real time', async () => {
      const read = async () => [Date.now(), Date.parse((await (await fetch(`${server.url}/api/status`)).json()).now)] as const;
      const [realBefore, boardBefore] = await read();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const [realAfter, boardAfter] = await read();
      const speed = (boardAfter - boardBefore) / (realAfter - realBefore);
      expect(speed).toBeGreaterThan(250);
      expect(speed).toBeLessThan(350);
    });
  });
});
