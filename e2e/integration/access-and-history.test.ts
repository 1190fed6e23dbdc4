import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { csv, csvRow, postSchedule } from '../support/schedule';
import type { SseClient } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';
import { serverOnDisk } from '../support/server-on-disk';

const KL_TOKEN = 'kl-desk-secret-0123456789';
const NOTICES_TOKEN = 'ops-notices-secret-0123456789';
const AUDITOR_TOKEN = 'auditor-secret-0123456789';
const TOKENS = JSON.stringify([
  { name: 'kl-desk', token: KL_TOKEN, scopes: ['flights', 'schedule'], airlines: ['KL', 'AF'] },
  { name: 'ops', token: NOTICES_TOKEN, scopes: ['notices'] },
  { name: 'auditor', token: AUDITOR_TOKEN, scopes: ['history'] },
]);

// SQLite on disk, so the history is read again after a restart.
const disk = serverOnDisk({ API_TOKEN: TEST_TOKEN, API_TOKENS: TOKENS }, 'access');
let server: RunningServer;
let watcher: SseClient;
let markers = 0;
const admin = () => apiClient(server.url);
const klDesk = () => apiClient(server.url, KL_TOKEN);
const BA = 'BA117-2026-12-04';
const historyOf = async (id: string, token = AUDITOR_TOKEN) => fetch(`${server.url}/api/flights/${id}/history`, { headers: { Authorization: `Bearer ${token}` } });

/** How many events the watcher has once it has every event up to the board's last one. */
async function caughtUp() {
  const { lastEventId } = await admin().state();
  await watcher.waitFor(() => watcher.events.at(-1)?.id === lastEventId);
  return watcher.events.length;
}

/** Proves nothing was emitted since `seen` events: the admin's marker write comes next. */
async function expectNextEventIsMarker(seen: number) {
  markers += 1;
  expect((await admin().patch(BA, { gate: `M${markers}` })).status).toBe(200);
  const next = await watcher.waitFor(() => watcher.events[seen]);
  expect(next.data).toMatchObject({ id: BA, gate: `M${markers}` });
}

beforeAll(async () => {
  ({ server, watcher } = await disk.start());
  expect((await admin().create(newFlightBody({ id: BA, flight: 'BA117' }))).status).toBe(201);
});

afterAll(() => disk.stop());

describe('scoped tokens', () => {
  it('lets an airline’s token write its own flights and refuses another airline’s with 403, changing nothing and sending nothing', async () => {
    const created = await klDesk().create(newFlightBody({ id: 'KL1001-2026-12-04', flight: 'KL1001' }));
    expect(created.status).toBe(201);
    expect((await klDesk().patch('KL1001-2026-12-04', { gate: 'D4' })).status).toBe(200);
    const seen = await caughtUp();
    const before = (await admin().state()).flights.find((flight) => flight.id === BA);

    const patch = await klDesk().patch(BA, { gate: 'Z9' });
    expect(patch.status).toBe(403);
    const { error } = await patch.json();
    expect(error).toMatchObject({ code: 'forbidden' });
    expect(error.message).toContain('kl-desk');
    expect(error.message).toContain('BA117');
    expect((await klDesk().remove(BA)).status).toBe(403);
    expect((await klDesk().create(newFlightBody({ id: 'BA9-2026-12-04', flight: 'BA9' }))).status).toBe(403);
    // Renaming its own flight into another airline's is refused too.
    expect((await klDesk().patch('KL1001-2026-12-04', { flight: 'BA1001' })).status).toBe(403);
    expect((await admin().state()).flights.find((flight) => flight.id === BA)).toEqual(before);
    await expectNextEventIsMarker(seen);
  });

  it('refuses a token the right a request needs, saying which; an unknown token is 401', async () => {
    const notices = apiClient(server.url, NOTICES_TOKEN);
    const refused = await notices.create(newFlightBody({ id: 'X1-2026-12-04' }));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe('The token "ops" does not have the right "flights" that this request needs.');
    expect((await notices.send('POST', '/api/notices', { text: 'Hello', level: 'info' })).status).toBe(201);
    expect((await notices.send('POST', '/api/events/close', {})).status).toBe(403);
    expect((await apiClient(server.url, 'not-a-token-0123456789').patch(BA, { gate: 'A1' })).status).toBe(401);
    expect((await historyOf(BA, KL_TOKEN)).status).toBe(403);
  });

  it('refuses a whole import with a row outside the token’s airlines, naming the rows', async () => {
    const body = csv([csvRow(1, { id: 'KL7-2026-12-04', flight: 'KL7' }), csvRow(2, { id: 'BA8-2026-12-04', flight: 'BA8' }), csvRow(3, { id: 'AF9-2026-12-04', flight: 'AF9' })]);
    const { events } = await postSchedule(server.url, body, 'text/csv', undefined, undefined, KL_TOKEN);
    const errors = events.filter((event) => event.name === 'importError').map((event) => event.data);
    expect(errors).toEqual([{ row: 2, field: 'flight', message: expect.stringContaining('BA8 is not one of them') }]);
    expect(events.at(-1)).toMatchObject({ name: 'importDone', data: { created: 0, rejected: 1 } });
    expect((await admin().state()).flights.map((flight) => flight.id)).not.toContain('KL7-2026-12-04');
  });

  it('stops start-up on a bad API_TOKENS, naming what is wrong', async () => {
    const duplicate = JSON.stringify([
      { name: 'a', token: 'same-secret-0123456789', scopes: ['flights'] },
      { name: 'b', token: 'same-secret-0123456789', scopes: ['everything'] },
    ]);
    const failure = startServer({ API_TOKENS: duplicate });
    await expect(failure).rejects.toThrow(/API_TOKENS\.1\.scopes\.0: must each be one of/);
    await expect(startServer({ API_TOKENS: JSON.stringify([{ name: 'a', token: 'short', scopes: ['*'] }]) })).rejects.toThrow(
      /API_TOKENS\.0\.token: must be at least 16 characters/,
    );
  });
});

describe('versions and If-Match', () => {
  it('gives every flight a version, sends it as the ETag, and refuses a stale If-Match with 412, changing nothing', async () => {
    const id = 'V1-2026-12-04';
    const created = await admin().create(newFlightBody({ id, flight: 'AZ1' }));
    expect(created.headers.get('etag')).toBe('"1"');
    expect((await created.json()).version).toBe(1);
    const patched = await admin().patch(id, { gate: 'B1' });
    expect((await patched.json()).version).toBe(2);
    const read = await fetch(`${server.url}/api/flights/${id}`);
    expect(read.headers.get('etag')).toBe('"2"');

    const seen = await caughtUp();
    const stale = await admin().send('PATCH', `/api/flights/${id}`, { gate: 'C1' }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await stale.json()).error).toMatchObject({ code: 'precondition_failed', message: expect.stringContaining('version 2, not 1') });
    expect((await admin().send('DELETE', `/api/flights/${id}`, undefined, { 'If-Match': '"1"' })).status).toBe(412);
    expect((await admin().send('PATCH', `/api/flights/${id}`, { gate: 'C1' }, { 'If-Match': 'two' })).status).toBe(400);
    expect((await admin().send('PATCH', `/api/flights/${id}`, { version: 9 })).status).toBe(400);
    await expectNextEventIsMarker(seen);

    const current = await admin().send('PATCH', `/api/flights/${id}`, { gate: 'C1' }, { 'If-Match': '"2"' });
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe('"3"');
    expect((await admin().send('DELETE', `/api/flights/${id}`, undefined, { 'If-Match': '"3"' })).status).toBe(204);
  });
});

describe('history', () => {
  it('lists every change of a flight with who made it, field by field, its removal too, and keeps it across a restart', { timeout: 60_000 }, async () => {
    const id = 'KL2002-2026-12-04';
    expect((await klDesk().create(newFlightBody({ id, flight: 'KL2002', gate: 'A2' }))).status).toBe(201);
    expect((await admin().patch(id, { gate: 'B4', status: 'boarding' })).status).toBe(200);
    expect((await postSchedule(server.url, csv([csvRow(1, { id, flight: 'KL2002', status: 'final-call' })]), 'text/csv', undefined, undefined, KL_TOKEN)).response.status).toBe(200);
    expect((await klDesk().remove(id)).status).toBe(204);

    const response = await historyOf(id);
    expect(response.status).toBe(200);
    const { entries } = await response.json();
    expect(entries.map((entry: { actor: string; source: string }) => `${entry.actor}/${entry.source}`)).toEqual([
      'kl-desk/api',
      'admin/api',
      'import:kl-desk/import',
      'kl-desk/api',
    ]);
    expect(entries[0].changes).toMatchObject({ flight: [null, 'KL2002'], gate: [null, 'A2'] });
    expect(entries[1].changes).toEqual({ gate: ['A2', 'B4'], status: ['scheduled', 'boarding'] });
    expect(entries[2].changes.status).toEqual(['boarding', 'final-call']);
    expect(entries[3].changes).toMatchObject({ flight: ['KL2002', null] });
    expect((await historyOf('NEVER-2026-12-04')).status).toBe(404);

    ({ server, watcher } = await disk.restart());
    expect((await (await historyOf(id)).json()).entries).toEqual(entries);
  });
});
