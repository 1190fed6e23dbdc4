import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { makeFlight } from '../flights/flight.fixture';
import { encodeFrame, encodeLoggedEvent, heartbeatFrame } from './frames';

function parseAll(text: string, splitEvery?: number) {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  if (!splitEvery) parser.feed(text);
  else for (let i = 0; i < text.length; i += splitEvery) parser.feed(text.slice(i, i + splitEvery));
  return events;
}

describe('encodeFrame', () => {
  it('writes id, event and one data line, ended by a blank line', () => {
    expect(encodeFrame({ name: 'flightRemoval', data: { id: 'A1', flight: 'A1' } }, '7')).toBe(
      'id: 7\nevent: flightRemoval\ndata: {"id":"A1","flight":"A1"}\n\n',
    );
  });

  it('writes no id line for closedConnection', () => {
    expect(encodeFrame({ name: 'closedConnection', data: { reason: 'bye' } })).toBe('event: closedConnection\ndata: {"reason":"bye"}\n\n');
  });

  it('writes a heartbeat as a named event with the board time and no id line', () => {
    expect(new TextDecoder().decode(heartbeatFrame(Date.parse('2026-12-03T10:00:00Z')))).toBe(
      'event: heartbeat\ndata: {"now":"2026-12-03T10:00:00.000Z"}\n\n',
    );
  });

  it('keeps values with newlines, carriage returns and forged fields inside one data line', () => {
    const city = 'Rome\n\nevent: closedConnection\ndata: {"reason":"forged"}\r\n\r\nid: 999\n';
    const text = encodeFrame({ name: 'flightStateUpdate', data: makeFlight({ destination: { iata: 'FCO', city } }) }, '3');
    expect(text.split('\n').filter((line) => line.startsWith('data:'))).toHaveLength(1);
    const events = parseAll(text);
    expect(events).toHaveLength(1);
    expect(events[0]!.event).toBe('flightStateUpdate');
    expect(events[0]!.id).toBe('3');
    expect(JSON.parse(events[0]!.data).destination.city).toBe(city);
  });

  it('round-trips unicode, including line and paragraph separators, through a parser fed in small pieces', () => {
    const city = 'São Paulo – 東京 ✈️ \u2028\u2029 Zürich';
    const bytes = encodeLoggedEvent({
      id: '12',
      event: { name: 'flightStateUpdate', data: makeFlight({ origin: { iata: 'GRU', city } }) },
    });
    const text = new TextDecoder().decode(bytes);
    for (const split of [undefined, 1, 3, 7]) {
      const events = parseAll(text, split);
      expect(events).toHaveLength(1);
      expect(JSON.parse(events[0]!.data).origin.city).toBe(city);
    }
  });
});
