// The frame the floor and the bare baseline broadcast: a flight change as Skyboard sends it, so all
// three targets of `npm run bench` move the same bytes.
const flight = {
  id: 'AZ768-2026-11-22', flight: 'AZ768', codeshares: ['DL6618'], airline: 'ITA Airways', direction: 'departure',
  origin: { iata: 'LHR', city: 'London' }, destination: { iata: 'FCO', city: 'Rome' }, scheduled: '2026-11-22T14:05:00.000Z',
  estimated: null, actual: null, terminal: '2', gate: 'B32', belt: null, status: 'boarding',
};

/** The `sequence`th flightStateUpdate frame, encoded once for every stream. */
export function sampleFrame(sequence: number): Buffer {
  const data = JSON.stringify({ ...flight, gate: `G${sequence % 50}`, updatedAt: new Date().toISOString() });
  return Buffer.from(`id: ${sequence}\nevent: flightStateUpdate\ndata: ${data}\n\n`);
}

export const SSE_STREAM_HEADERS = { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform' };
