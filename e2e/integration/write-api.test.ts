import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { connectSse, type SseClient } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let api: ReturnType<typeof apiClient>;
let watcher: SseClient;
const EXISTING = 'BA117-2026-11-22';

const MARKER_ID = 'MARK-2026-11-22';
let markers = 0;

/** The watcher has every event up to the board's last one. */
async function watcherCaughtUp() {
  const { lastEventId } = await api.state();
  await watcher.waitFor(() => watcher.events.at(-1)?.id === lastEventId);
  return watcher.events.length;
}

/** Proves that nothing was emitted since `seen` events: a marker write's event comes next. */
async function expectNextEventIsMarker(seen: number) {
  markers += 1;
  const marker = await api.patch(MARKER_ID, { gate: `M${markers}` });
  expect(marker.status).toBe(200);
  const next = await watcher.waitFor(() => watcher.events[seen]);
  expect(next.data).toMatchObject({ id: MARKER_ID, gate: `M${markers}` });
}

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'off', API_TOKEN: TEST_TOKEN });
  api = apiClient(server.url);
  const created = await api.create(newFlightBody({ id: EXISTING, flight: 'BA117', status: 'boarding' }));
  expect(created.status).toBe(201);
  watcher = await connectSse(server.url);
  await watcher.waitFor(() => watcher.events.length > 0);
});

afterAll(async () => {
  watcher.close();
  await server.stop();
});

describe('writes that succeed', () => {
  it('POST creates a flight (201), fills the defaults, stamps updatedAt and tells every stream', async () => {
    const seen = watcher.events.length;
    const response = await api.create(newFlightBody({ id: 'EK2-2026-11-22', flight: 'EK2', codeshares: undefined, gate: undefined }));
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/flights/EK2-2026-11-22');
    const flight = await response.json();
    expect(flight).toMatchObject({ id: 'EK2-2026-11-22', codeshares: [], gate: null, belt: null, estimated: null });
    expect(flight.scheduled).toBe('2026-11-22T14:05:00.000Z');
    expect(flight.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const event = await watcher.waitFor(() => watcher.events[seen]);
    expect(event).toMatchObject({ event: 'flightStateUpdate', data: flight });
    expect(await (await fetch(`${server.url}/api/flights/EK2-2026-11-22`)).json()).toEqual(flight);
  });

  it('PATCH changes some fields (200) and the stream carries the whole flight after the change', async () => {
    const seen = watcher.events.length;
    const response = await api.patch(EXISTING, { gate: ' C7 ', status: 'final-call' });
    expect(response.status).toBe(200);
    const flight = await response.json();
    expect(flight).toMatchObject({ id: EXISTING, gate: 'C7', status: 'final-call', airline: 'ITA Airways' });
    expect((await watcher.waitFor(() => watcher.events[seen])).data).toEqual(flight);
  });

  it('sets actual when a flight departs or lands without one, keeps one the write gives, and leaves others null', async () => {
    await api.create(newFlightBody({ id: 'AC1-2026-11-22', flight: 'AC1', status: 'boarding' }));
    const before = Date.now();
    const departed = await (await api.patch('AC1-2026-11-22', { status: 'departed' })).json();
    expect(Date.parse(departed.actual)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(departed.actual)).toBeLessThanOrEqual(Date.now() + 1000);

    const landed = await (
      await api.create(
        newFlightBody({
          id: 'AC2-2026-11-22',
          flight: 'AC2',
          direction: 'arrival',
          origin: { iata: 'YYZ', city: 'Toronto' },
          destination: { iata: 'LHR', city: 'London' },
          gate: null,
          status: 'landed',
          actual: '2026-11-22T13:12:00Z',
        }),
      )
    ).json();
    expect(landed.actual).toBe('2026-11-22T13:12:00.000Z');
    expect((await (await api.patch('AC2-2026-11-22', { status: 'baggage', belt: '7' })).json()).actual).toBe('2026-11-22T13:12:00.000Z');
    expect((await (await api.patch(EXISTING, { gate: 'C8' })).json()).actual).toBeNull();
    expect((await api.patch(EXISTING, { actual: 'yesterday' })).status).toBe(400);
  });

  it('DELETE removes a flight (204) with a flightRemoval event', async () => {
    await api.create(newFlightBody({ id: 'LH9-2026-11-22', flight: 'LH9' }));
    const seen = watcher.events.length;
    const response = await api.remove('LH9-2026-11-22');
    expect(response.status).toBe(204);
    const event = await watcher.waitFor(() => watcher.events.find((e, i) => i >= seen && e.event === 'flightRemoval'));
    expect(event.data).toEqual({ id: 'LH9-2026-11-22', flight: 'LH9' });
    expect((await fetch(`${server.url}/api/flights/LH9-2026-11-22`)).status).toBe(404);
  });

  it('lands concurrent PATCHes of one flight one after another, in the order of their events', async () => {
    await api.create(newFlightBody({ id: 'QR1-2026-11-22', flight: 'QR1' }));
    const seen = watcher.events.length;
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api.patch('QR1-2026-11-22', { gate: `G${i}` })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(200));
    const events = await watcher.waitFor(() => {
      const mine = watcher.events.slice(seen).filter((event) => (event.data as { id: string }).id === 'QR1-2026-11-22');
      return mine.length === 13 && mine;
    });
    const gates = events.slice(1).map((event) => (event.data as { gate: string }).gate);
    expect(new Set(gates).size).toBe(12);
    const final = await (await fetch(`${server.url}/api/flights/QR1-2026-11-22`)).json();
    expect(final.gate).toBe(gates.at(-1));
  });

  it('keeps a value that looks like SSE fields inside one data line: no forged frame', async () => {
    const seen = watcher.events.length;
    const city = 'Rome\\n\\nevent: closedConnection\\ndata: {} id: 9';
    const response = await api.create(
      newFlightBody({ id: 'AZ9-2026-11-22', flight: 'AZ9', destination: { iata: 'FCO', city } }),
    );
    expect(response.status).toBe(201);
    // The marker: the event after the create is the next write's, with no forged frame between.
    expect((await api.patch('AZ9-2026-11-22', { gate: 'M1' })).status).toBe(200);
    await watcher.waitFor(() => watcher.events.length >= seen + 2);
    expect(watcher.events.slice(seen)).toHaveLength(2);
    expect((watcher.events[seen + 1]!.data as { gate: string }).gate).toBe('M1');
    expect(watcher.events[seen]!.event).toBe('flightStateUpdate');
    expect((watcher.events[seen]!.data as { destination: { city: string } }).destination.city).toBe(city);
    expect(watcher.text()).not.toContain('\nevent: closedConnection');
  });
});

interface BadRequest {
  name: string;
  method?: string;
  path?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  status: number;
  code: string;
}

const json = (value: unknown) => JSON.stringify(value);
const withFlight = (overrides: Record<string, unknown>) => json(newFlightBody({ id: 'NEW1-2026-11-22', ...overrides }));
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const STRING_FIELDS: [string, (value: string) => Record<string, unknown>][] = [
  ['id', (v) => ({ id: v })],
  ['flight', (v) => ({ flight: v })],
  ['codeshares[0]', (v) => ({ codeshares: [v] })],
  ['airline', (v) => ({ airline: v })],
  ['origin.iata', (v) => ({ origin: { iata: v, city: 'London' } })],
  ['origin.city', (v) => ({ origin: { iata: 'LHR', city: v } })],
  ['destination.iata', (v) => ({ destination: { iata: v, city: 'Rome' } })],
  ['destination.city', (v) => ({ destination: { iata: 'FCO', city: v } })],
  ['scheduled', (v) => ({ scheduled: v })],
  ['estimated', (v) => ({ estimated: v })],
  ['terminal', (v) => ({ terminal: v })],
  ['gate', (v) => ({ gate: v })],
  ['belt', (v) => ({ belt: v })],
];
const CONTROL_VALUES: [string, string][] = [
  ['a newline', 'X1\n'],
  ['a forged frame', 'X1\n\nevent: closedConnection\ndata: {}'],
  ['a NUL', 'X\u00001'],
  ['a carriage return', 'X\r1'],
];

const BAD_REQUESTS: BadRequest[] = [
  { name: 'no Authorization header', headers: { Authorization: '' }, body: withFlight({}), status: 401, code: 'unauthorized' },
  { name: 'a wrong token', headers: { Authorization: 'Bearer wrong-token' }, body: withFlight({}), status: 401, code: 'unauthorized' },
  { name: 'a token of another scheme', headers: { Authorization: `Basic ${TEST_TOKEN}` }, body: withFlight({}), status: 401, code: 'unauthorized' },
  { name: 'an empty bearer', headers: { Authorization: 'Bearer ' }, body: withFlight({}), status: 401, code: 'unauthorized' },
  { name: 'a text/plain body', headers: { 'Content-Type': 'text/plain' }, body: withFlight({}), status: 415, code: 'unsupported_media_type' },
  { name: 'a form body', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'id=1', status: 415, code: 'unsupported_media_type' },
  { name: 'a body over 64 KiB', body: withFlight({ airline: 'A'.repeat(70 * 1024) }), status: 413, code: 'payload_too_large' },
  { name: 'broken JSON', body: '{"id": "X1-2026-11-22", ', status: 400, code: 'invalid_json' },
  { name: 'an empty body', body: '', status: 400, code: 'invalid_json' },
  { name: 'JSON with a trailing comma', body: '{"id": "X",}', status: 400, code: 'invalid_json' },
  { name: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, code: 'invalid_json' },
  { name: 'null', body: 'null', status: 400, code: 'validation_failed' },
  { name: 'an array', body: '[]', status: 400, code: 'validation_failed' },
  { name: 'a bare string', body: '"flight"', status: 400, code: 'validation_failed' },
  { name: 'deep nesting', body: `{"codeshares": ${nested(20000)}}`, status: 400, code: 'validation_failed' },
  { name: 'an unknown field', body: withFlight({ remark: 'x' }), status: 400, code: 'validation_failed' },
  { name: 'updatedAt', body: withFlight({ updatedAt: '2026-11-22T10:00:00.000Z' }), status: 400, code: 'validation_failed' },
  { name: 'a __proto__ key', body: withFlight({}).replace('{', '{"__proto__": {"polluted": true},'), status: 400, code: 'validation_failed' },
  { name: 'constructor.prototype keys', body: withFlight({ constructor: { prototype: { polluted: true } } }), status: 400, code: 'validation_failed' },
  { name: 'a number for the designator', body: withFlight({ flight: 768 }), status: 400, code: 'validation_failed' },
  { name: 'a string for codeshares', body: withFlight({ codeshares: 'DL6618' }), status: 400, code: 'validation_failed' },
  { name: 'a string for origin', body: withFlight({ origin: 'LHR' }), status: 400, code: 'validation_failed' },
  { name: 'an unknown field inside origin', body: withFlight({ origin: { iata: 'LHR', city: 'London', x: 1 } }), status: 400, code: 'validation_failed' },
  { name: 'a time that is not ISO 8601', body: withFlight({ scheduled: '22/11/2026 14:05' }), status: 400, code: 'validation_failed' },
  { name: 'a time with an offset, not UTC', body: withFlight({ scheduled: '2026-11-22T14:05:00+01:00' }), status: 400, code: 'validation_failed' },
  { name: 'an unknown status', body: withFlight({ status: 'flying' }), status: 400, code: 'validation_failed' },
  { name: 'an unknown direction', body: withFlight({ direction: 'sideways' }), status: 400, code: 'validation_failed' },
  { name: 'a huge id', body: withFlight({ id: 'X'.repeat(5000) }), status: 400, code: 'validation_failed' },
  { name: 'an id with a slash', body: withFlight({ id: '../etc/passwd' }), status: 400, code: 'validation_failed' },
  { name: 'a lower-case IATA code', body: withFlight({ origin: { iata: 'lhr', city: 'London' } }), status: 400, code: 'validation_failed' },
  { name: 'an over-long city', body: withFlight({ origin: { iata: 'LHR', city: 'L'.repeat(61) } }), status: 400, code: 'validation_failed' },
  { name: 'a blank airline', body: withFlight({ airline: '   ' }), status: 400, code: 'validation_failed' },
  { name: 'a missing required field', body: json({ id: 'X1-2026-11-22' }), status: 400, code: 'validation_failed' },
  { name: 'an arrival that is boarding', body: withFlight({ direction: 'arrival', status: 'boarding' }), status: 409, code: 'invalid_transition' },
  { name: 'a departure that is landing', body: withFlight({ status: 'landing' }), status: 409, code: 'invalid_transition' },
  { name: 'an id that exists', body: withFlight({ id: EXISTING }), status: 409, code: 'conflict' },
  ...STRING_FIELDS.flatMap(([field, set]) =>
    CONTROL_VALUES.map(([what, value]) => ({
      name: `${what} in ${field}`,
      body: withFlight(set(value)),
      status: 400,
      code: 'validation_failed',
    })),
  ),
  { name: 'PATCH of an unknown flight', method: 'PATCH', path: '/api/flights/NOPE-1', body: json({ gate: 'A1' }), status: 404, code: 'not_found' },
  { name: 'PATCH without a token', method: 'PATCH', path: `/api/flights/${EXISTING}`, headers: { Authorization: '' }, body: json({ gate: 'A1' }), status: 401, code: 'unauthorized' },
  { name: 'PATCH of the id', method: 'PATCH', path: `/api/flights/${EXISTING}`, body: json({ id: 'X' }), status: 400, code: 'validation_failed' },
  { name: 'PATCH of the direction', method: 'PATCH', path: `/api/flights/${EXISTING}`, body: json({ direction: 'arrival' }), status: 400, code: 'validation_failed' },
  { name: 'PATCH of updatedAt', method: 'PATCH', path: `/api/flights/${EXISTING}`, body: json({ updatedAt: '2026-11-22T10:00:00.000Z' }), status: 400, code: 'validation_failed' },
  { name: 'PATCH with nothing to change', method: 'PATCH', path: `/api/flights/${EXISTING}`, body: '{}', status: 400, code: 'validation_failed' },
  { name: 'PATCH with broken JSON', method: 'PATCH', path: `/api/flights/${EXISTING}`, body: '{"gate":', status: 400, code: 'invalid_json' },
  { name: 'PATCH with a newline in the gate', method: 'PATCH', path: `/api/flights/${EXISTING}`, body: json({ gate: 'A\n1' }), status: 400, code: 'validation_failed' },
  { name: 'PATCH back from final call to scheduled', method: 'PATCH', path: `/api/flights/${EXISTING}`, body: json({ status: 'scheduled' }), status: 409, code: 'invalid_transition' },
  { name: 'PATCH of a departure to landed', method: 'PATCH', path: `/api/flights/${EXISTING}`, body: json({ status: 'landed' }), status: 409, code: 'invalid_transition' },
  { name: 'DELETE of an unknown flight', method: 'DELETE', path: '/api/flights/NOPE-1', status: 404, code: 'not_found' },
  { name: 'DELETE without a token', method: 'DELETE', path: `/api/flights/${EXISTING}`, headers: { Authorization: '' }, status: 401, code: 'unauthorized' },
  { name: 'close without a token', method: 'POST', path: '/api/events/close', headers: { Authorization: '' }, status: 401, code: 'unauthorized' },
  { name: 'close with an unknown field', method: 'POST', path: '/api/events/close', body: json({ why: 'x' }), status: 400, code: 'validation_failed' },
  { name: 'PUT on the flights collection', method: 'PUT', path: '/api/flights', body: withFlight({}), status: 405, code: 'method_not_allowed' },
  { name: 'POST on the status', method: 'POST', path: '/api/status', body: '{}', status: 405, code: 'method_not_allowed' },
  { name: 'DELETE on the stream', method: 'DELETE', path: '/api/events', status: 405, code: 'method_not_allowed' },
  { name: 'a path with no endpoint', method: 'POST', path: '/api/flight', body: withFlight({}), status: 404, code: 'not_found' },
  { name: 'a deeper path with no endpoint', method: 'GET', path: '/api/flights/X/Y/Z', status: 404, code: 'not_found' },
  { name: 'close with a text body', method: 'POST', path: '/api/events/close', headers: { 'Content-Type': 'text/plain' }, body: 'bye', status: 415, code: 'unsupported_media_type' },
];

describe('malformed and refused requests', () => {
  let before: Awaited<ReturnType<typeof api.state>>;
  let eventsBefore: number;

  beforeEach(async () => {
    // The final-call step of the success tests must be in place for the transition cases.
    if (!(await api.state()).flights.some((flight) => flight.id === MARKER_ID)) {
      expect((await api.create(newFlightBody({ id: MARKER_ID, flight: 'MK1' }))).status).toBe(201);
    }
    eventsBefore = await watcherCaughtUp();
    before = await api.state();
  });

  it('has at least 40 cases', () => {
    expect(BAD_REQUESTS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BAD_REQUESTS)('refuses $name with $status $code, changes nothing and emits nothing', async (bad) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json', ...bad.headers };
    if (headers.Authorization === '') delete headers.Authorization;
    const response = await fetch(`${server.url}${bad.path ?? '/api/flights'}`, {
      method: bad.method ?? 'POST',
      headers,
      body: bad.body,
    });
    expect(response.status).toBe(bad.status);
    const body = await response.json();
    expect(body.error.code).toBe(bad.code);
    expect(body.error.message.length).toBeGreaterThan(10);
    if (bad.code === 'validation_failed') expect(body.error.details.length).toBeGreaterThan(0);
    expect(await api.state()).toEqual(before);
    await expectNextEventIsMarker(eventsBefore);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('names each bad field in the details', async () => {
    const response = await api.create(newFlightBody({ id: 'X2-2026-11-22', gate: 'G\n1', origin: { iata: 'lhr', city: 'London' } }));
    const { error } = await response.json();
    expect(error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['gate', 'origin.iata']);
    expect(error.message).toContain('gate');
  });

  it('answers a GET of an unknown flight with 404 not_found as JSON', async () => {
    const response = await fetch(`${server.url}/api/flights/NOPE-404`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });
});

describe('the command-line publisher (npm run flights)', () => {
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'lib/cli/flights.ts', ...args], {
      env: { ...process.env, SKYBOARD_URL: server.url, API_TOKEN: TEST_TOKEN },
    });

  it('changes a flight with field=value words', async () => {
    await api.create(newFlightBody({ id: 'CLI1-2026-11-22', flight: 'AF1' }));
    const { stdout } = await run('set', 'CLI1-2026-11-22', 'status=boarding', 'gate=D4', 'codeshares=DL1,KL2');
    expect(JSON.parse(stdout)).toMatchObject({ status: 'boarding', gate: 'D4', codeshares: ['DL1', 'KL2'] });
    expect((await (await fetch(`${server.url}/api/flights/CLI1-2026-11-22`)).json()).gate).toBe('D4');
  });

  it("exits non-zero with the server's message when the change is refused", async () => {
    await expect(run('set', 'CLI1-2026-11-22', 'status=landed')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('409 invalid_transition'),
    });
  });
});

describe('POST /api/events/close', () => {
  it('sends closedConnection with the reason to every open stream, then ends them', async () => {
    const [a, b] = [await connectSse(server.url), await connectSse(server.url)];
    await a.waitFor(() => a.events.length > 0 && b.events.length > 0);
    const response = await api.send('POST', '/api/events/close', { reason: 'Maintenance at 03:00' });
    expect(response.status).toBe(200);
    expect((await response.json()).closed).toBeGreaterThanOrEqual(3);
    await Promise.all([a.ended, b.ended, watcher.ended]);
    for (const client of [a, b]) {
      expect(client.events.at(-1)).toEqual({ id: undefined, event: 'closedConnection', data: { reason: 'Maintenance at 03:00' } });
    }
    const status = await (await fetch(`${server.url}/api/status`)).json();
    expect(status.clients).toBe(0);
  });
});
