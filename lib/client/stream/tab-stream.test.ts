import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyEventsInPlace, type BoardContent } from '../../flights/board';
import type { BoardEvent } from '../../flights/board-event';
import type { Flight } from '../../flights/flight';
import { makeFlight } from '../../flights/flight.fixture';
import { makeNotice, makeScreen } from '../../signage/signage.fixture';
import type { ConnectionState } from './tab-board';
import { createFakeBrowser, type FakeConnection } from './tab-environment.fixture';
import { CHANNEL, TAB_PROTOCOL_VERSION } from './tab-protocol';
import { openTabStream } from './tab-stream';

const flight = (n: number, status: Flight['status'] = 'scheduled') => makeFlight({ id: `AZ${n}-x`, flight: `AZ${n}`, status });
const upsert = (n: number, status: Flight['status'] = 'scheduled'): BoardEvent => ({ name: 'flightStateUpdate', data: flight(n, status) });

type Browser = ReturnType<typeof createFakeBrowser>;
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const tab of opened.splice(0)) tab.close();
});

/** One tab of the board: what it shows, and its controls. */
function openTab(browser: Browser) {
  const board = new Map<string, Flight>();
  const states: ConnectionState[] = [];
  const heartbeats: string[] = [];
  const events: BoardEvent[] = [];
  const snapshots: BoardContent[] = [];
  const stream = openTabStream(
    { url: '/api/events', pollUrl: '/api/flights', initial: { flights: [], notices: [], screens: [] }, initialLastEventId: 'e.0', retryMs: 1000, heartbeatMs: 1000 },
    {
      onSnapshot(content) {
        snapshots.push(content);
        const { flights } = content;
        board.clear();
        for (const f of flights) board.set(f.id, f);
      },
      onEvent(event) {
        events.push(event);
        applyEventsInPlace(board, [event]);
      },
      onHeartbeat: (now) => heartbeats.push(now),
      onState: (state) => states.push(state),
      onDropped: () => undefined,
    },
    browser.environment(),
  );
  const tab = { ...stream, board, events, snapshots, heartbeats, state: () => states.at(-1) };
  opened.push(tab);
  return tab;
}

/** The one stream the browser holds, once there is exactly one. */
async function theStream(browser: Browser): Promise<FakeConnection> {
  await vi.waitFor(() => expect(browser.open()).toHaveLength(1));
  return browser.open()[0]!;
}

function goLive(connection: FakeConnection, flights: Flight[], id: string) {
  connection.handlers.onState('live');
  connection.handlers.onEvent({ name: 'snapshot', data: { flights, notices: [], screens: [] } }, id);
}

/** The server's closedConnection: the connection stops itself, then says why. */
function closeByServer(connection: FakeConnection) {
  connection.stopped = true;
  connection.handlers.onClosedByServer('Maintenance');
}

/** Waits until every tab's board is the given flights (by id and status). */
async function boardsAre(tabs: ReturnType<typeof openTab>[], flights: Flight[]) {
  const expected = flights.map((f) => [f.id, f.status]);
  await vi.waitFor(() => {
    for (const tab of tabs) expect([...tab.board.values()].map((f) => [f.id, f.status])).toEqual(expected);
  });
}

describe('openTabStream, tabs of one browser', () => {
  it('opens one stream for many tabs and passes every event and heartbeat to each', async () => {
    const browser = createFakeBrowser();
    const tabs = Array.from({ length: 4 }, () => openTab(browser));
    const stream = await theStream(browser);
    goLive(stream, [flight(1)], 'e.1');
    stream.handlers.onEvent(upsert(2), 'e.2');
    stream.handlers.onHeartbeat('2026-12-03T10:00:00.000Z');
    await boardsAre(tabs, [flight(1), flight(2)]);
    await vi.waitFor(() => {
      for (const tab of tabs) expect([tab.state(), tab.heartbeats]).toEqual(['live', ['2026-12-03T10:00:00.000Z']]);
    });
    expect(browser.connections).toHaveLength(1);
  });

  it('passes notice and screen events to every tab, and a tab opened later gets them with the board', async () => {
    const browser = createFakeBrowser();
    const first = openTab(browser);
    const stream = await theStream(browser);
    goLive(stream, [flight(1)], 'e.1');
    const notice = makeNotice({ id: 'n-1', level: 'emergency' });
    const screen = makeScreen({ name: 'hall' });
    stream.handlers.onEvent({ name: 'noticePosted', data: notice }, 'e.2');
    stream.handlers.onEvent({ name: 'screenChange', data: { name: 'hall', screen } }, 'e.3');
    await vi.waitFor(() => expect(first.events.map((event) => event.name)).toEqual(['noticePosted', 'screenChange']));
    const later = openTab(browser);
    await vi.waitFor(() => expect(later.snapshots.at(-1)).toEqual({ flights: [flight(1)], notices: [notice], screens: [screen] }));
    expect(browser.connections).toHaveLength(1);
  });

  it('two tabs that start at the same moment still open one stream', async () => {
    const browser = createFakeBrowser();
    const [a, b] = [openTab(browser), openTab(browser)];
    const stream = await theStream(browser);
    goLive(stream, [flight(7)], 'e.7');
    await boardsAre([a, b], [flight(7)]);
    expect(browser.connections).toHaveLength(1);
  });

  it('when the leading tab closes in the middle of events, the next resumes from the last id the tabs saw, missing and repeating nothing', async () => {
    const browser = createFakeBrowser();
    const first = openTab(browser);
    const stream = await theStream(browser);
    const [second, third] = [openTab(browser), openTab(browser)];
    goLive(stream, [flight(1)], 'e.1');
    await boardsAre([first, second, third], [flight(1)]);
    stream.handlers.onEvent(upsert(2), 'e.2');
    first.close();
    await vi.waitFor(() => expect(browser.connections).toHaveLength(2));
    const next = browser.connections[1]!;
    expect(stream.stopped).toBe(true);
    expect(next.options.lastEventId).toBe('e.2');
    next.handlers.onState('live');
    next.handlers.onEvent(upsert(3), 'e.3');
    await boardsAre([second, third], [flight(1), flight(2), flight(3)]);
    for (const tab of [second, third]) expect(tab.events.filter((e) => e.name === 'flightStateUpdate' && e.data.id === 'AZ2-x')).toHaveLength(1);
  });

  it('after the server closes the stream, no tab opens another, even when the holder closes, until a user resumes', async () => {
    const browser = createFakeBrowser();
    const tabs = Array.from({ length: 8 }, () => openTab(browser));
    const stream = await theStream(browser);
    goLive(stream, [flight(1)], 'e.1');
    await boardsAre(tabs, [flight(1)]);
    closeByServer(stream);
    await vi.waitFor(() => {
      for (const tab of tabs) expect(tab.state()).toBe('closed');
    });
    // The holder goes away: the tab that takes the lead must not reopen what the server closed.
    tabs[0]!.close();
    const marker = openTab(browser);
    await vi.waitFor(() => expect(browser.open()).toHaveLength(1));
    // The only stream opened since the close is the one the new tab asked for, from the last id.
    expect(browser.connections).toHaveLength(2);
    expect(browser.connections[1]!.options.lastEventId).toBe('e.1');
    for (const tab of tabs.slice(1)) expect(tab.state()).toBe('closed');
    marker.close();
    await vi.waitFor(() => expect(browser.open()).toHaveLength(0));
  });

  it('a tab that had not yet been sent the board when the close came still reads Closed by server and opens nothing', async () => {
    const browser = createFakeBrowser();
    const leader = openTab(browser);
    const stream = await theStream(browser);
    goLive(stream, [], 'e.0');
    const late = openTab(browser);
    // The close goes out before the leader could answer the late tab's request for the board.
    closeByServer(stream);
    await vi.waitFor(() => expect([leader.state(), late.state()]).toEqual(['closed', 'closed']));
    const marker = openTab(browser);
    await vi.waitFor(() => expect(browser.connections).toHaveLength(2));
    marker.close();
    await vi.waitFor(() => expect(browser.open()).toHaveLength(0));
  });

  it('Resume in one tab after a server close reopens the stream from the last id, for that tab only', async () => {
    const browser = createFakeBrowser();
    const [a, b] = [openTab(browser), openTab(browser)];
    const stream = await theStream(browser);
    goLive(stream, [flight(1)], 'e.1');
    await boardsAre([a, b], [flight(1)]);
    closeByServer(stream);
    await vi.waitFor(() => expect([a.state(), b.state()]).toEqual(['closed', 'closed']));
    b.resume();
    const reopened = await theStream(browser);
    expect(reopened.options.lastEventId).toBe('e.1');
    reopened.handlers.onState('live');
    reopened.handlers.onEvent(upsert(2), 'e.2');
    await boardsAre([b], [flight(1), flight(2)]);
    expect(a.state()).toBe('closed');
    expect(a.board.has('AZ2-x')).toBe(false);
  });

  it('Stop pauses one tab; the stream closes only when every tab has stopped, and reopens on Resume', async () => {
    const browser = createFakeBrowser();
    const [a, b] = [openTab(browser), openTab(browser)];
    const stream = await theStream(browser);
    goLive(stream, [], 'e.0');
    a.pause();
    await vi.waitFor(() => expect(a.state()).toBe('paused'));
    stream.handlers.onEvent(upsert(5), 'e.5');
    await boardsAre([b], [flight(5)]);
    expect(a.board.size).toBe(0);
    b.pause();
    await vi.waitFor(() => expect(browser.open()).toHaveLength(0));
    a.resume();
    // Caught up at once from the board the tabs share.
    await boardsAre([a], [flight(5)]);
    const reopened = await theStream(browser);
    expect(reopened.options.lastEventId).toBe('e.5');
  });

  it('ignores messages of another protocol version or with data the stream schemas refuse', async () => {
    const browser = createFakeBrowser();
    const [a, b] = [openTab(browser), openTab(browser)];
    const stream = await theStream(browser);
    goLive(stream, [flight(1)], 'e.1');
    await boardsAre([a, b], [flight(1)]);
    const leaderId = `tab-1`;
    // A tab from before the deploy, and a garbled flight in this protocol.
    browser.channels.post(CHANNEL, { type: 'closed', leader: leaderId });
    browser.channels.post(CHANNEL, { v: TAB_PROTOCOL_VERSION - 1, message: { type: 'closed', leader: leaderId } });
    browser.channels.post(CHANNEL, { v: TAB_PROTOCOL_VERSION, message: { type: 'event', leader: leaderId, id: 'e.9', event: { name: 'flightStateUpdate', data: { id: 'AZ9-x' } } } });
    // The marker: a real event after them reaches both tabs, and nothing of the strangers did.
    stream.handlers.onEvent(upsert(2), 'e.2');
    await boardsAre([a, b], [flight(1), flight(2)]);
    expect([a.state(), b.state()]).toEqual(['live', 'live']);
    expect(browser.open()).toHaveLength(1);
  });

  it('without Web Locks each tab has a stream of its own', async () => {
    const browser = createFakeBrowser({ shared: false });
    const [a, b] = [openTab(browser), openTab(browser)];
    await vi.waitFor(() => expect(browser.open()).toHaveLength(2));
    goLive(browser.connections[0]!, [flight(1)], 'e.1');
    await boardsAre([a], [flight(1)]);
    expect(b.board.size).toBe(0);
    a.pause();
    await vi.waitFor(() => expect(browser.open()).toHaveLength(1));
  });
});
