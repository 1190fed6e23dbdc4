import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { auth, departureBody, expect, test } from './fixtures';

const rows = (page: Page) => page.locator('tbody tr[data-flight-id]');

async function createDeparture(page: Page, id: string, overrides: Record<string, unknown> = {}) {
  const data = departureBody(id, { airline: 'Aer Lingus', destination: { iata: 'DUB', city: 'Dublin' }, ...overrides });
  expect((await page.request.post('/api/flights', { headers: auth, data })).status()).toBe(201);
}

test.describe('finding a flight', () => {
  test('tabs switch direction, and the chosen one is in the URL', async ({ page }) => {
    await page.goto('/flights');
    const arrivals = page.getByRole('tab', { name: 'Arrivals' });
    const departures = page.getByRole('tab', { name: 'Departures' });
    await expect(arrivals).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('columnheader', { name: /From/ })).toBeVisible();
    await departures.click();
    await expect(departures).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/tab=departures/);
    await expect(page.getByRole('columnheader', { name: /To/ })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Gate' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Departures' })).toHaveAttribute('aria-selected', 'true');
  });

  test('search filters by designator, airline or city, and survives a reload', async ({ page }) => {
    await createDeparture(page, 'EI9001-2026-11-22', { codeshares: ['UA4242'] });
    await page.goto('/flights?tab=departures');
    const search = page.getByLabel('Search flights');
    await search.fill('ua4242');
    await expect(page).toHaveURL(/q=ua4242/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('EI9001');
    await page.reload();
    await expect(page.getByLabel('Search flights')).toHaveValue('ua4242');
    await expect(rows(page)).toHaveCount(1);
    await page.getByLabel('Search flights').fill('Dublin');
    await expect(rows(page).filter({ hasText: 'EI9001' })).toHaveCount(1);
    for (const text of await rows(page).allTextContents()) expect(text.toLowerCase()).toContain('dublin');
  });

  test('sortable headers are buttons, and the sorted column carries aria-sort', async ({ page }) => {
    await page.goto('/flights?tab=departures');
    await expect(page.getByRole('columnheader', { name: /Time/ })).toHaveAttribute('aria-sort', 'ascending');
    await page.getByRole('button', { name: /^Flight/ }).click();
    const flightHeader = page.getByRole('columnheader', { name: /Flight/ });
    await expect(flightHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/sort=flight/);
    const designators = async () => rows(page).locator('td:nth-child(2) span.font-bold').allTextContents();
    const ascending = await designators();
    // TanStack sorts designators naturally: OS41 before OS1554.
    const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    expect(ascending).toEqual([...ascending].sort(natural));
    await page.getByRole('button', { name: /^Flight/ }).click();
    await expect(flightHeader).toHaveAttribute('aria-sort', 'descending');
    const descending = await designators();
    expect(descending).toEqual([...descending].sort((a, b) => natural(b, a)));
  });

  test('the Status filter shows only flights in that status', async ({ page }) => {
    await page.goto('/flights?tab=departures');
    await expect(page.getByRole('status')).toHaveText('Live');
    await page.getByLabel('Status').selectOption('scheduled');
    await expect(page).toHaveURL(/status=scheduled/);
    await expect(rows(page).first()).toBeVisible();
    const statuses = await page.locator('td[data-status]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['scheduled']));
  });

  test('announces changes, politely, only for the flights searched for', async ({ page }) => {
    await createDeparture(page, 'EI9002-2026-11-22');
    await page.goto('/flights?tab=departures&q=EI9002');
    await expect(page.getByRole('status')).toHaveText('Live');
    await page.request.patch('/api/flights/EI9002-2026-11-22', { headers: auth, data: { status: 'boarding' } });
    await expect(page.locator('[aria-live="polite"]')).toHaveText('EI9002: Boarding');
  });
});

test.describe('how it looks and moves', () => {
  test('a changed row flashes, but not when the user prefers reduced motion', async ({ page }) => {
    for (const [reducedMotion, expected] of [['no-preference', true], ['reduce', false]] as const) {
      const id = `EI${reducedMotion === 'reduce' ? 9003 : 9004}-2026-11-22`;
      await createDeparture(page, id);
      await page.emulateMedia({ reducedMotion });
      await page.goto(`/flights?tab=departures&q=${id.split('-')[0]}`);
      await expect(page.getByRole('status')).toHaveText('Live');
      await page.request.patch(`/api/flights/${id}`, { headers: auth, data: { gate: 'B9' } });
      const row = page.locator(`tr[data-flight-id="${id}"]`);
      await expect(row).toContainText('B9');
      expect(await row.evaluate((element) => element.getAnimations({ subtree: true }).length > 0)).toBe(expected);
    }
  });

  test('on a phone there is no horizontal scroll, and time, flight and status stay visible', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/flights?tab=departures');
    const first = rows(page).first();
    await expect(first).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    for (const header of [/Time/, /Flight/, /Status/]) await expect(page.getByRole('columnheader', { name: header })).toBeVisible();
    await expect(first.locator('td[data-status]')).toBeVisible();
    // CSS alone gives the other columns way, so turning the phone (or widening a window) brings them back without a reload.
    const givingWay = ['Airline', 'Terminal', 'Gate'].map((name) => page.getByRole('columnheader', { name, exact: true }));
    for (const header of givingWay) await expect(header).toBeHidden();
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const header of givingWay) await expect(header).toBeVisible();
  });

  for (const colorScheme of ['dark', 'light'] as const) {
    test(`has no serious or critical accessibility violations (${colorScheme})`, async ({ page }) => {
      // Measured at rest: a row mid-flash or mid-fade is not what contrast is about.
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.goto('/flights?tab=departures');
      await expect(rows(page).first()).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    });
  }

  test('wall mode pages through the rows, with a clock, a page indicator and a pause', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto('/flights?display=wall');
    await expect(page.getByLabel('Search flights')).toHaveCount(0);
    await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
    await expect(page.getByLabel('Local time at the airport')).toHaveText(/^\d{2}:\d{2}$/);
    await page.getByRole('button', { name: 'Pause paging' }).click();
    await expect(page.getByRole('button', { name: 'Resume paging' })).toBeVisible();
  });

  test('takes the README pictures of the production build', async ({ page }, testInfo) => {
    // UPDATE_SCREENSHOTS=1 writes them where the README shows them; otherwise they go with the test results.
    const folder = process.env.UPDATE_SCREENSHOTS === '1' ? 'e2e/screenshots' : testInfo.outputDir;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/flights?tab=departures');
    await expect(rows(page).first()).toBeVisible();
    await page.screenshot({ path: `${folder}/board-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto('/flights?display=wall');
    await expect(rows(page).first()).toBeVisible();
    await page.screenshot({ path: `${folder}/board-wall-light.png` });
  });
});
