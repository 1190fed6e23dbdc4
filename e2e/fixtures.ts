import { test as base, expect, type Page } from '@playwright/test';
import { E2E_API_TOKEN } from '../playwright.config';

/**
 * Every spec fails when the page logs an error or throws, but for the errors a spec causes on
 * purpose (`expectedConsoleErrors`, e.g. the browser's own line for a request made while offline).
 */
export const test = base.extend<{ consoleErrors: string[]; expectedConsoleErrors: RegExp[] }>({
  expectedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' && !expectedConsoleErrors.some((expected) => expected.test(text))) errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** This instance's open streams, as /api/status reports them. */
export async function openStreams(page: Page): Promise<number> {
  const response = await page.request.get('/api/status');
  return (await response.json()).clients;
}

/** The write API's Authorization header for the e2e server. */
export const auth = { Authorization: `Bearer ${E2E_API_TOKEN}` };

/** A departure an hour from now, for POST /api/flights; the designator comes from the id. */
export function departureBody(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    flight: id.split('-')[0],
    airline: 'ITA Airways',
    direction: 'departure',
    origin: { iata: 'LHR', city: 'London' },
    destination: { iata: 'FCO', city: 'Rome' },
    scheduled: new Date(Date.now() + 3_600_000).toISOString(),
    gate: 'B32',
    terminal: '2',
    status: 'scheduled',
    ...overrides,
  };
}
