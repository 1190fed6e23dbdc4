import { test as base, expect, type Page } from '@playwright/test';

/** Every spec fails when the page logs an error or throws. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
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
