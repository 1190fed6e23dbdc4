import { applyEvents, boardFromFlights, type Board } from '../../lib/flights/board';
import type { BoardEvent } from '../../lib/flights/board-event';
import type { Flight } from '../../lib/flights/flight';
import { apiClient, newFlightBody, TEST_TOKEN } from '../../e2e/support/api';
import { connectSse, type SseClient } from '../../e2e/support/sse-client';
import { startServer } from '../../e2e/support/server';
import { sequenceOf } from '../../e2e/support/event-ids';

export interface ChaosOptions {
  clients: number;
  writes: number;
  minConnectedMs: number;
  maxConnectedMs: number;
}

interface ChaosClient {
  board: Board;
  ids: number[];
  lastId: string | undefined;
  reconnects: number;
}

/**
 * Clients that drop their connection at random and resume with their last id while writes pour in:
 * each must end with exactly the server's board, having seen every event id once, in order.
 */
export async function chaosResume({ clients, writes, minConnectedMs, maxConnectedMs }: ChaosOptions) {
  const server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'off', HISTORY_LIMIT: String(writes * 2 + 100) });
  try {
    const api = apiClient(server.url);
    for (let i = 0; i < 20; i++) await api.create(newFlightBody({ id: `C${i}-2026-11-22`, flight: `BA${i + 1}` }));
    let writing = true;
    const churning = Promise.all(
      Array.from({ length: clients }, async () => {
        const state: ChaosClient = { board: new Map(), ids: [], lastId: undefined, reconnects: 0 };
        while (writing) {
          const connection = await connectSse(server.url, state.lastId ? { lastEventId: state.lastId } : {});
          const stayMs = minConnectedMs + Math.random() * (maxConnectedMs - minConnectedMs);
          await new Promise((resolve) => setTimeout(resolve, stayMs));
          connection.close();
          await connection.ended;
          absorb(state, connection);
          state.reconnects += 1;
        }
        // A last connection to catch up with the end of the writes.
        const final = await connectSse(server.url, { lastEventId: state.lastId! });
        const { lastEventId } = await api.state();
        await final.waitFor(() => (final.events.at(-1)?.id ?? state.lastId) === lastEventId, 30_000).catch(() => undefined);
        final.close();
        await final.ended;
        absorb(state, final);
        return state;
      }),
    );
    // Writes pour in while the clients churn; then the clients make their last catch-up.
    for (let i = 0; i < writes; i++) await api.patch(`C${i % 20}-2026-11-22`, { gate: `G${i}` });
    writing = false;
    const states = await churning;
    const expected = boardFromFlights((await api.state()).flights);
    const failures = states.filter((state) => !sameBoard(state.board, expected) || !consecutive(state.ids));
    return {
      checks: [
        `${clients} clients, ${writes} writes, ${states.reduce((n, s) => n + s.reconnects, 0)} reconnects in all`,
        `every client ends with exactly the server's board: ${failures.length === 0 ? 'yes' : `no (${failures.length} differ)`}`,
        `every client saw every event id once, in order: ${states.every((s) => consecutive(s.ids)) ? 'yes' : 'no'}`,
      ],
      ok: failures.length === 0,
    };
  } finally {
    await server.stop();
  }
}

function absorb(state: ChaosClient, connection: SseClient) {
  for (const event of connection.events) {
    if (event.event === 'snapshot') {
      state.board = boardFromFlights((event.data as { flights: Flight[] }).flights);
      state.ids = [sequenceOf(event.id)];
    } else {
      state.board = applyEvents(state.board, [{ name: event.event, data: event.data } as BoardEvent]);
      state.ids.push(sequenceOf(event.id));
    }
    state.lastId = event.id;
  }
}

const consecutive = (ids: number[]) => ids.every((id, i) => i === 0 || id === ids[i - 1]! + 1);

function sameBoard(a: Board, b: Board) {
  if (a.size !== b.size) return false;
  for (const [id, flight] of a) if (JSON.stringify(flight) !== JSON.stringify(b.get(id))) return false;
  return true;
}
