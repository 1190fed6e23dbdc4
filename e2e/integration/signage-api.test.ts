import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, TEST_TOKEN } from '../support/api';
import type { SseClient } from '../support/sse-client';
import type { RunningServer } from '../support/server';
import { serverOnDisk } from '../support/server-on-disk';

// SQLite on disk, so the restart at the end finds what was stored.
const disk = serverOnDisk({ API_TOKEN: TEST_TOKEN }, 'signage');
let server: RunningServer;
let api: ReturnType<typeof apiClient>;
let watcher: SseClient;
let markers = 0;

/** Proves nothing was emitted since `seen` events: a marker screen's change comes next. */
async function expectNextEventIsMarker(seen: number) {
  markers += 1;
  expect((await api.send('PUT', '/api/screens/marker', { kind: 'gate', target: `M${markers}` })).status).toBe(200);
  const next = await watcher.waitFor(() => watcher.events[seen]);
  expect(next).toMatchObject({ event: 'screenChange', data: { name: 'marker', screen: { target: `M${markers}` } } });
}

beforeAll(async () => {
  ({ server, watcher } = await disk.start());
  api = apiClient(server.url);
});

afterAll(() => disk.stop());

describe('notices', () => {
  it('posts a notice as a noticePosted event with an id, lists it, and clears it with noticeCleared', async () => {
    const seen = watcher.events.length;
    const posted = await api.send('POST', '/api/notices', { text: 'Security check queues are long.', level: 'info' });
    expect(posted.status).toBe(201);
    const notice = await posted.json();
    expect(notice).toEqual({ id: expect.any(String), text: 'Security check queues are long.', level: 'info', screens: null, createdAt: expect.any(String) });
    expect(posted.headers.get('location')).toBe(`/api/notices/${notice.id}`);
    const event = await watcher.waitFor(() => watcher.events[seen]);
    expect(event).toMatchObject({ event: 'noticePosted', data: notice, id: expect.any(String) });
    expect((await (await fetch(`${server.url}/api/notices`)).json()).notices).toEqual([notice]);

    expect((await api.send('DELETE', `/api/notices/${notice.id}`)).status).toBe(204);
    expect(await watcher.waitFor(() => watcher.events[seen + 1])).toMatchObject({ event: 'noticeCleared', data: { id: notice.id } });
    expect((await (await fetch(`${server.url}/api/notices`)).json()).notices).toEqual([]);
  });

  it('refuses what it cannot take with a clear error, and sends nothing for it', async () => {
    const seen = watcher.events.length;
    const noToken = await apiClient(server.url, 'wrong-token-0123456789').send('POST', '/api/notices', { text: 'Hi', level: 'info' });
    expect(noToken.status).toBe(401);
    const bad = await api.send('POST', '/api/notices', { text: '', level: 'urgent', screens: [], id: 'mine' });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['id', 'level', 'screens', 'text']);
    const notJson = await api.send('POST', '/api/notices', undefined, { 'Content-Type': 'application/json' });
    expect(notJson.status).toBe(400);
    const unknown = await api.send('DELETE', '/api/notices/no-such-notice');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
    expect((await api.send('PUT', '/api/notices/x', {})).status).toBe(405);
    await expectNextEventIsMarker(seen);
  });
});

describe('named screens', () => {
  it('sets a screen with PUT, lists it, sends screenChange each time, and removes it with DELETE', async () => {
    const seen = watcher.events.length;
    const put = await api.send('PUT', '/api/screens/gate-b7', { kind: 'gate', target: 'B7', languages: ['en', 'de'], pageSeconds: 8 });
    expect(put.status).toBe(200);
    const screen = await put.json();
    expect(screen).toEqual({ name: 'gate-b7', kind: 'gate', target: 'B7', languages: ['en', 'de'], pageSeconds: 8, updatedAt: expect.any(String) });
    expect(await watcher.waitFor(() => watcher.events[seen])).toMatchObject({ event: 'screenChange', data: { name: 'gate-b7', screen }, id: expect.any(String) });
    expect(await (await fetch(`${server.url}/api/screens/gate-b7`)).json()).toEqual(screen);
    const listed = (await (await fetch(`${server.url}/api/screens`)).json()).screens;
    expect(listed.map((s: { name: string }) => s.name)).toContain('gate-b7');

    expect((await api.send('DELETE', '/api/screens/gate-b7')).status).toBe(204);
    expect(await watcher.waitFor(() => watcher.events[seen + 1])).toMatchObject({ event: 'screenChange', data: { name: 'gate-b7', screen: null } });
    expect((await fetch(`${server.url}/api/screens/gate-b7`)).status).toBe(404);
  });

  it('refuses a bad name, a bad setting, an unknown screen and a missing token, and sends nothing for them', async () => {
    const seen = watcher.events.length;
    const badName = await api.send('PUT', '/api/screens/Gate%20B7', { kind: 'departures' });
    expect(badName.status).toBe(400);
    expect((await badName.json()).error.details).toEqual([{ field: 'name', message: expect.stringContaining('lower-case') }]);
    const badSetting = await api.send('PUT', '/api/screens/hall', { kind: 'gate', languages: ['xx'], pageSeconds: 1, name: 'other' });
    expect(badSetting.status).toBe(400);
    expect((await badSetting.json()).error.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'languages.0',
      'name',
      'pageSeconds',
    ]);
    expect((await api.send('PUT', '/api/screens/hall', { kind: 'gate' })).status).toBe(400);
    expect((await api.send('DELETE', '/api/screens/nowhere')).status).toBe(404);
    expect((await apiClient(server.url, 'wrong-token-0123456789').send('PUT', '/api/screens/hall', { kind: 'departures' })).status).toBe(401);
    expect((await fetch(`${server.url}/screens/Not%20A%20Name`)).status).toBe(404);
    await expectNextEventIsMarker(seen);
  });
});

describe('across a restart with SQLite', () => {
  it('keeps the notices and screens: in the API, in the snapshot, and in the server-rendered pages', { timeout: 60_000 }, async () => {
    const emergency = await (await api.send('POST', '/api/notices', { text: 'Leave the building by the nearest exit.', level: 'emergency' })).json();
    expect((await api.send('PUT', '/api/screens/hall-2', { kind: 'belt', target: '4' })).status).toBe(200);
    ({ server, watcher } = await disk.restart());
    api = apiClient(server.url);
    const snapshot = await watcher.waitFor(() => watcher.events[0]);
    expect(snapshot.event).toBe('snapshot');
    expect(snapshot.data).toMatchObject({ notices: [emergency], screens: expect.arrayContaining([expect.objectContaining({ name: 'hall-2', target: '4' })]) });
    expect((await (await fetch(`${server.url}/api/notices`)).json()).notices).toEqual([emergency]);

    const board = await (await fetch(`${server.url}/flights`)).text();
    expect(board).toMatch(/role="alert"[^>]*>.*Leave the building by the nearest exit\./s);
    const screen = await (await fetch(`${server.url}/screens/hall-2`)).text();
    expect(screen).toContain('Baggage belt 4');
    expect(screen).toMatch(/role="alert"[^>]*>.*Leave the building by the nearest exit\./s);
  });
});
