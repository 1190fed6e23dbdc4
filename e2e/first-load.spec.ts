import type { Page } from '@playwright/test';
import { auth, departureBody, expect, test } from './fixtures';

// Work a page's first load can skip, each costing a phone a long task during hydration (issue 20):
// ICU's data, loaded by the first Intl formatter or localeCompare, and a second render of every
// row as the columns follow the viewport's width.
declare global {
  interface Window {
    firstLoad: { formatters: number; collations: number; cellsRemoved: number };
  }
}

async function watchFirstLoad(page: Page) {
  await page.addInitScript(() => {
    const counts = { formatters: 0, collations: 0, cellsRemoved: 0 };
    window.firstLoad = counts;
    const DateTimeFormat = Intl.DateTimeFormat;
    Intl.DateTimeFormat = new Proxy(DateTimeFormat, {
      construct: (target, args) => (counts.formatters++, Reflect.construct(target, args)),
      apply: (target, self, args) => (counts.formatters++, Reflect.apply(target, self, args)),
    });
    const localeCompare = String.prototype.localeCompare;
    String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof localeCompare>) {
      counts.collations++;
      return localeCompare.apply(this, args);
    };
    // A cell taken out of a row that stays is a column coming or going, never a flight's update.
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.target instanceof HTMLTableRowElement && record.target.isConnected) {
          counts.cellsRemoved += [...record.removedNodes].filter((node) => node instanceof HTMLTableCellElement).length;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

const firstLoad = (page: Page) => page.evaluate(() => window.firstLoad);

test.describe('a page’s first load', () => {
  test('the board on a phone: times without ICU, and no cell re-rendered as it hydrates', async ({ page }) => {
    await watchFirstLoad(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/flights?tab=departures');
    await expect(page.getByRole('status')).toHaveText('Live');
    await expect(page.getByLabel('Local time at the airport')).toHaveText(/^\d\d:\d\d$/);
    await expect(page.locator('tbody tr[data-flight-id] td').first()).toHaveText(/^\d\d:\d\d/);
    expect(await firstLoad(page)).toEqual({ formatters: 0, collations: 0, cellsRemoved: 0 });
  });

  test('a gate display choosing between two flights at one time: no ICU either', async ({ page }) => {
    const scheduled = new Date(Date.now() + 2 * 3_600_000).toISOString();
    for (const id of ['EI9501-2026-12-04', 'EI9502-2026-12-04']) {
      const response = await page.request.post('/api/flights', { headers: auth, data: departureBody(id, { gate: 'Q17', scheduled }) });
      expect(response.status()).toBe(201);
    }
    await watchFirstLoad(page);
    await page.goto('/display/gate/Q17');
    await expect(page.getByRole('status')).toHaveText('Live');
    await expect(page.getByTestId('gate-flight')).toHaveText('EI9501');
    expect(await firstLoad(page)).toMatchObject({ formatters: 0, collations: 0 });
  });
});
