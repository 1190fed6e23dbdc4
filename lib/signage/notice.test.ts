import { describe, expect, it } from 'vitest';
import { noticesFor } from './notice';
import { makeNotice } from './signage.fixture';

describe('noticesFor', () => {
  const everywhere = makeNotice({ id: 'a', createdAt: '2026-12-04T09:00:00.000Z' });
  const hallOnly = makeNotice({ id: 'b', screens: ['hall'], createdAt: '2026-12-04T09:01:00.000Z' });
  const oldEmergency = makeNotice({ id: 'c', level: 'emergency', createdAt: '2026-12-04T09:02:00.000Z' });
  const newEmergency = makeNotice({ id: 'd', level: 'emergency', screens: ['hall'], createdAt: '2026-12-04T09:03:00.000Z' });
  const all = [newEmergency, hallOnly, oldEmergency, everywhere];

  it('shows a page that is not a named screen only the notices for every screen', () => {
    expect(noticesFor(all, undefined)).toEqual({ info: [everywhere], emergency: oldEmergency });
  });

  it('shows a named screen its own notices too, oldest first, and the newest emergency', () => {
    expect(noticesFor(all, 'hall')).toEqual({ info: [everywhere, hallOnly], emergency: newEmergency });
    expect(noticesFor(all, 'gate-b7')).toEqual({ info: [everywhere], emergency: oldEmergency });
  });
});
