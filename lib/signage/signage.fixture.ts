import type { Notice } from './notice';
import type { Screen } from './screen';

/** A notice for tests, everywhere unless it names screens. */
export const makeNotice = (overrides: Partial<Notice> = {}): Notice => ({
  id: 'n-1',
  text: 'Boarding for all flights is delayed.',
  level: 'info',
  screens: null,
  createdAt: '2026-12-04T09:00:00.000Z',
  ...overrides,
});

/** A named screen for tests, showing a gate unless told otherwise. */
export const makeScreen = (overrides: Partial<Screen> = {}): Screen => ({
  name: 'gate-a1',
  kind: 'gate',
  target: 'A1',
  languages: ['en'],
  pageSeconds: 10,
  updatedAt: '2026-12-04T09:00:00.000Z',
  ...overrides,
});
