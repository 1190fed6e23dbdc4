import type { Flight } from '@/lib/flights/flight';

export const TEST_TOKEN = 'integration-token-0123456789';

/** A valid body for POST /api/flights; override what the test is about. */
export function newFlightBody(overrides: Record<string, unknown> = {}) {
  return {
    id: 'AZ768-2026-11-22',
    flight: 'AZ768',
    codeshares: ['DL6618'],
    airline: 'ITA Airways',
    direction: 'departure',
    origin: { iata: 'LHR', city: 'London' },
    destination: { iata: 'FCO', city: 'Rome' },
    scheduled: '2026-11-22T14:05:00Z',
    terminal: '2',
    gate: 'B32',
    status: 'scheduled',
    ...overrides,
  };
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
