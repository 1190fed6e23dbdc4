import { createParser } from 'eventsource-parser';
import { TEST_TOKEN } from './api';

export interface ReceivedImportEvent {
  name: string;
  data: Record<string, unknown>;
  at: number;
}

/** Posts a schedule and reads its progress stream to the end (or until `signal` aborts). */
export async function postSchedule(
  baseUrl: string,
  body: BodyInit,
  contentType: string,
  signal?: AbortSignal,
  onEvent?: (event: ReceivedImportEvent) => void,
  token = TEST_TOKEN,
) {
  const response = await fetch(`${baseUrl}/api/schedule`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
    body,
    signal,
  });
  const events: ReceivedImportEvent[] = [];
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const parser = createParser({
      onEvent: (event) => {
        const received = { name: event.event!, data: JSON.parse(event.data), at: performance.now() };
        events.push(received);
        onEvent?.(received);
      },
    });
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body!) parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
    } catch {
      // Aborted by the test.
    }
  }
  return { response, events };
}

/** One CSV row of a valid departure; override what the test is about. */
export const csvRow = (i: number, overrides: Partial<Record<string, string>> = {}) => {
  const fields = {
    id: `BA${i}-2026-11-25`,
    flight: `BA${(i % 9999) + 1}`,
    codeshares: '',
    airline: 'British Airways',
    direction: 'departure',
    origin: 'LHR:London',
    destination: 'JFK:New York',
    scheduled: '2026-11-25T09:00:00Z',
    status: 'scheduled',
    ...overrides,
  };
  return Object.values(fields).join(',');
};
/** A CSV schedule: the header of csvRow's columns, then the rows. */
export const csv = (rows: string[]) => ['id,flight,codeshares,airline,direction,origin,destination,scheduled,status', ...rows].join('\n');
