import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyEvents, boardFromFlights, type Board } from '../../lib/flights/board';
import type { BoardEvent } from '../../lib/flights/board-event';
import type { Flight } from '../../lib/flights/flight';
import { apiClient, newFlightBody, TEST_TOKEN } from '../../e2e/support/api';
import { connectSse, type ReceivedEvent } from '../../e2e/support/sse-client';
import { freePort, startServer } from '../../e2e/support/server';
import { sequenceOf } from '../../e2e/support/event-ids';

const body = (i: number) => newFlightBody({ id: `KL${i}-2026-11-22`, flight: `KL${(i % 9999) + 1}` });

/** Creates flight i, retrying while the server is down or restarting; a 409 means it landed before. */
async function createWithRetry(baseUrl: string, i: number) {
  for (;;) {
    try {
      const response = await apiClient(baseUrl).create(body(i));
      if (response.status === 201 || response.status === 409) return;
    } catch {
      // Connection refused: the server is restarting.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const fold = (board: Board, events: ReceivedEvent[]) =>
  applyEvents(board, events.map((event) => ({ name: event.event, data: event.data }) as BoardEvent));

/**
 * With SQLite, kill -9 the server in the middle of a stream of writes and start it again: the board
 * is as it was, and every client resuming with an id from before the crash gets exactly what it missed.
 */
export async function restart({ clients, before, during }: { clients: number; before: number; during: number }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'skyboard-restart-'));
  const env = { DATABASE_PATH: path.join(dir, 'board.db'), API_TOKEN: TEST_TOKEN, SIMULATOR: 'off' };
  const port = await freePort();
  let server = await startServer(env, { port });
  const baseUrl = server.url;
  try {
    const watchers = await Promise.all(Array.from({ length: clients }, () => connectSse(baseUrl)));
    for (let i = 1; i <= before; i++) await createWithRetry(baseUrl, i);
    await Promise.all(watchers.map((watcher) => watcher.waitFor(() => watcher.events.length === before + 1, 30_000)));
    const positions = watchers.map((watcher) => ({
      resumeId: watcher.events.at(-1)!.id!,
      board: fold(boardFromFlights((watcher.events[0]!.data as { flights: Flight[] }).flights), watcher.events.slice(1)),
    }));
    for (const watcher of watchers) watcher.close();

    // Writes keep coming while the server is killed and restarted; the writer retries refused ones.
    const writer = (async () => {
      for (let i = before + 1; i <= before + during; i++) {
        await createWithRetry(baseUrl, i);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    let landed = 0;
    while (landed < before + during / 2) landed = (await apiClient(baseUrl).state()).flights.length;
    const killedMidStream = landed < before + during;
    await server.stop('SIGKILL');
    server = await startServer(env, { port });
    await writer;

    const state = await apiClient(baseUrl).state();
    const expected = boardFromFlights(state.flights);
    const everyFlight = state.flights.length === before + during;
    let exact = 0;
    for (const { resumeId, board } of positions) {
      const resumed = await connectSse(baseUrl, { lastEventId: resumeId });
      await resumed.waitFor(() => resumed.events.at(-1)?.id === state.lastEventId, 30_000).catch(() => undefined);
      resumed.close();
      const ids = resumed.events.map((event) => sequenceOf(event.id));
      const inOrder = ids.every((id, i) => id === sequenceOf(resumeId) + 1 + i);
      const noSnapshot = resumed.events.every((event) => event.event !== 'snapshot');
      const same = JSON.stringify([...fold(board, resumed.events)].sort()) === JSON.stringify([...expected].sort());
      if (inOrder && noSnapshot && same) exact += 1;
    }
    return {
      checks: [
        `killed with SIGKILL after ${landed} of ${before + during} writes had landed (mid-stream: ${killedMidStream ? 'yes' : 'no'})`,
        `after the restart every acknowledged write is on the board: ${everyFlight ? 'yes' : 'no'}`,
        `clients resuming from before the crash with exactly the missed events, no snapshot: ${exact} of ${clients}`,
      ],
      ok: killedMidStream && everyFlight && exact === clients,
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
