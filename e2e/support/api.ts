import type { Flight } from '@/lib/flights/flight';
import { makeFlight } from '@/lib/flights/flight.fixture';

export const TEST_TOKEN = 'integration-token-0123456789';

/** A valid body for POST /api/flights (the unit tests' flight, as a client would send it); override what the test is about. */
export function newFlightBody(overrides: Record<string, unknown> = {}) {
  // Without what the server sets (updatedAt, version) or defaults (estimated, belt).
  const body: Partial<Flight> = { ...makeFlight(), scheduled: '2026-11-22T14:05:00Z' };
  delete body.updatedAt;
  delete body.version;
  delete body.estimated;
  delete body.belt;
  return { ...body, ...overrides };
}

/** A client of the write API with the test token. */
export function apiClient(baseUrl: string, token = TEST_TOKEN) {
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    send,
    create: (body: Record<string, unknown>) => send('POST', '/api/flights', body),
    patch: (id: string, body: Record<string, unknown>) => send('PATCH', `/api/flights/${encodeURIComponent(id)}`, body),
    remove: (id: string) => send('DELETE', `/api/flights/${encodeURIComponent(id)}`),
    state: async () => (await (await fetch(`${baseUrl}/api/flights`)).json()) as { flights: Flight[]; lastEventId: string },
  };
}
