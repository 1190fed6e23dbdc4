import { describe, expect, it } from 'vitest';
import { makeFlight } from '../flights/flight.fixture';
import { trackInFlightWrites } from './in-flight-writes';
import { createMemoryLog } from './memory-log';

describe('trackInFlightWrites', () => {
  it('passes each write’s author through to the log, so its history is signed', async () => {
    const log = trackInFlightWrites(createMemoryLog({ historyLimit: 10 }));
    await log.commit(() => ({ events: [{ name: 'flightStateUpdate', data: makeFlight() }], result: 0 }), { actor: 'kl-desk', source: 'api' });
    expect((await log.history(makeFlight().id, '2000-01-01T00:00:00.000Z')).map((entry) => entry.actor)).toEqual(['kl-desk']);
  });
});
