import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { pollUntil } from '../support/poll';
import { csv, csvRow, postSchedule, type ReceivedImportEvent } from '../support/schedule';
import { connectSse, type SseClient } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let watcher: SseClient;

const importSchedule = (body: BodyInit, contentType: string, signal?: AbortSignal, onEvent?: (event: ReceivedImportEvent) => void) =>
  postSchedule(server.url, body, contentType, signal, onEvent);

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'off', API_TOKEN: TEST_TOKEN });
  watcher = await connectSse(server.url);
  await watcher.waitFor(() => watcher.events.length > 0);
});

afterAll(async () => {
  watcher.close();
  await server.stop();
});

describe('POST /api/schedule', () => {
  it('imports the sample CSV: every flight lands, and open boards see ordinary events', async () => {
    const seen = watcher.events.length;
    const { response, events } = await importSchedule(readFileSync('public/sample-schedule.csv'), 'text/csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const done = events.at(-1)!;
    expect(done.name).toBe('importDone');
    expect(done.data).toMatchObject({ created: 340, updated: 0, rejected: 0 });
    expect(events.filter((e) => e.name === 'importProgress').map((e) => e.data.phase)).toContain('applying');
    expect((await apiClient(server.url).state()).lastEventId).toBe(done.data.lastEventId);
    await watcher.waitFor(() => watcher.events.length === seen + 340);
    expect(watcher.events.slice(seen).every((event) => event.event === 'flightStateUpdate')).toBe(true);
    const flight = await (await fetch(`${server.url}/api/flights/AF2893-2026-11-24`)).json();
    expect(flight).toMatchObject({ flight: 'AF2893', origin: { iata: 'LHR', city: 'London' }, destination: { iata: 'ICN', city: 'Seoul' } });
  });

  it('imports JSON, replacing a flight whose id exists by a legal move', async () => {
    await apiClient(server.url).create(newFlightBody({ id: 'EI1-2026-11-25', flight: 'EI1' }));
    const flights = [
      newFlightBody({ id: 'EI1-2026-11-25', flight: 'EI1', status: 'boarding' }),
      newFlightBody({ id: 'EI2-2026-11-25', flight: 'EI2' }),
      newFlightBody({ id: 'EI3-2026-11-25', flight: 'EI3', direction: 'arrival', status: 'landed', belt: '7' }),
    ];
    const { events } = await importSchedule(JSON.stringify({ flights }), 'application/json');
    expect(events.at(-1)!.data).toMatchObject({ created: 2, updated: 1, rejected: 0 });
    expect((await (await fetch(`${server.url}/api/flights/EI1-2026-11-25`)).json()).status).toBe('boarding');
  });

  it('takes actual from a CSV column, and sets it for a landed row that has none', async () => {
    const csv = [
      'id,flight,airline,direction,origin,destination,scheduled,actual,status,belt',
      'QR1-2026-11-25,QR1,Qatar Airways,arrival,DOH:Doha,LHR:London,2026-11-25T06:00:00Z,2026-11-25T06:07:00Z,landed,4',
      'QR2-2026-11-25,QR2,Qatar Airways,arrival,DOH:Doha,LHR:London,2026-11-25T07:00:00Z,,landed,5',
      'QR3-2026-11-25,QR3,Qatar Airways,departure,LHR:London,DOH:Doha,2026-11-25T08:00:00Z,,scheduled,',
    ].join('\n');
    const { events } = await importSchedule(csv, 'text/csv');
    expect(events.at(-1)!.data).toMatchObject({ created: 3, rejected: 0 });
    const actualOf = async (id: string) => (await (await fetch(`${server.url}/api/flights/${id}`)).json()).actual;
    expect(await actualOf('QR1-2026-11-25')).toBe('2026-11-25T06:07:00.000Z');
    expect(Math.abs(Date.parse(await actualOf('QR2-2026-11-25')) - Date.now())).toBeLessThan(60_000);
    expect(await actualOf('QR3-2026-11-25')).toBeNull();
  });

  it('reports every bad row with its row number and field, and applies nothing', async () => {
    await apiClient(server.url).create(newFlightBody({ id: 'DEP-2026-11-25', flight: 'AA1', status: 'departed' }));
    const before = await apiClient(server.url).state();
    const seen = watcher.events.length;
    const { events } = await importSchedule(
      csv([
        csvRow(1),
        csvRow(2, { destination: 'jfk:New York' }),
        csvRow(3, { status: 'flying' }),
        csvRow(4),
        csvRow(5, { id: 'BA4-2026-11-25' }),
        csvRow(6, { id: 'DEP-2026-11-25', flight: 'AA1', status: 'boarding' }),
        csvRow(7, { scheduled: 'tomorrow' }),
        csvRow(8, { direction: 'arrival', status: 'boarding' }),
      ]),
      'text/csv',
    );
    const errors = events.filter((e) => e.name === 'importError').map((e) => e.data);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, field: 'destination.iata' }),
        expect.objectContaining({ row: 3, field: 'status' }),
        expect.objectContaining({ row: 5, field: 'id' }),
        expect.objectContaining({ row: 7, field: 'scheduled' }),
      ]),
    );
    expect(events.at(-1)).toMatchObject({ name: 'importDone', data: { created: 0, updated: 0, rejected: 4 } });
    expect(await apiClient(server.url).state()).toEqual(before);

    // Schema-clean rows can still break the lifecycle: those are reported too, and still nothing lands.
    const lifecycle = await importSchedule(
      csv([csvRow(10), csvRow(11, { id: 'DEP-2026-11-25', flight: 'AA1', status: 'boarding' }), csvRow(12, { direction: 'arrival', status: 'boarding' })]),
      'text/csv',
    );
    expect(lifecycle.events.filter((e) => e.name === 'importError').map((e) => [e.data.row, e.data.field])).toEqual([
      [2, 'status'],
      [3, 'status'],
    ]);
    expect(lifecycle.events.at(-1)!.data).toMatchObject({ created: 0, rejected: 2 });
    expect(await apiClient(server.url).state()).toEqual(before);
    // The marker: the next event the board sees is a later write's, so the refused imports sent none.
    expect((await apiClient(server.url).patch('DEP-2026-11-25', { gate: 'M1' })).status).toBe(200);
    const next = await watcher.waitFor(() => watcher.events[seen]);
    expect(next.data).toMatchObject({ id: 'DEP-2026-11-25', gate: 'M1' });
  });

  it.each([
    ['no token', { 'Content-Type': 'text/csv' }, csv([csvRow(1)]), 401, 'unauthorized'],
    ['a plain-text body', { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'text/plain' }, csv([csvRow(1)]), 415, 'unsupported_media_type'],
    ['a body over 5 MiB', { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'text/csv' }, 'x'.repeat(5 * 1024 * 1024 + 10), 413, 'payload_too_large'],
    ['broken JSON', { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' }, '{"flights": [', 400, 'invalid_json'],
    ['JSON without a flights list', { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' }, '[]', 400, 'validation_failed'],
  ])('refuses %s with a JSON error before any stream', async (_, headers, body, status, code) => {
    const response = await fetch(`${server.url}/api/schedule`, { method: 'POST', headers, body });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect((await response.json()).error.code).toBe(code);
  });

  it('reports progress all through an import of 5,000 rows', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => csvRow(10_000 + i));
    const started = performance.now();
    const { events } = await importSchedule(csv(rows), 'text/csv');
    const elapsed = performance.now() - started;
    const progress = events.filter((e) => e.name === 'importProgress');
    const validating = progress.filter((e) => e.data.phase === 'validating').map((e) => e.data.done as number);
    expect(validating.filter((done) => done > 0 && done < 5000).length).toBeGreaterThanOrEqual(5);
    expect(validating).toEqual([...validating].sort((a, b) => a - b));
    const gaps = events.slice(1).map((event, i) => event.at - events[i]!.at);
    const largestGap = Math.max(...gaps);
    console.log(`5,000-row import: ${elapsed.toFixed(0)} ms in all; largest gap between two events ${largestGap.toFixed(1)} ms`);
    expect(largestGap).toBeLessThan(250);
    expect(events.at(-1)!.data).toMatchObject({ created: 5000, rejected: 0 });
  });

  it('leaves no half-applied schedule when the client goes away mid-import', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => csvRow(20_000 + i));
    const abort = new AbortController();
    await importSchedule(csv(rows), 'text/csv', abort.signal, (event) => {
      if (event.name === 'importProgress' && (event.data.done as number) > 0) abort.abort();
    });
    // The marker: the board takes the next import only once the abandoned one has ended, applied or not.
    const next = await pollUntil(
      () => importSchedule(csv([csvRow(30_000)]), 'text/csv'),
      ({ response }) => response.status === 200,
      { what: 'the next import to be taken' },
    );
    expect(next.events.at(-1)!.data).toMatchObject({ created: 1 });
    const landed = (await apiClient(server.url).state()).flights.filter((flight) => /^BA2\d{4}-/.test(flight.id)).length;
    expect(landed).toBe(0);
  });
});
