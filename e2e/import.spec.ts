import path from 'node:path';
import { E2E_API_TOKEN } from '../playwright.config';
import { expect, test } from './fixtures';

test('an operator imports the sample schedule and an open board shows the new flights', async ({ page, context }) => {
  const board = await context.newPage();
  await board.goto('/flights?tab=departures&q=AF2893');
  await expect(board.getByRole('status')).toHaveText('Live');
  await expect(board.locator('tr[data-flight-id="AF2893-2026-11-24"]')).toHaveCount(0);

  await page.goto('/admin/import');
  await page.getByLabel('API token').fill(E2E_API_TOKEN);
  await page.getByLabel('Schedule file (CSV or JSON)').setInputFiles(path.resolve('public/sample-schedule.csv'));
  await page.getByRole('button', { name: 'Import schedule' }).click();
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText('Applying: 340 of 340 rows (100 %)')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Imported: 340 created, 0 updated.');

  await expect(board.locator('tr[data-flight-id="AF2893-2026-11-24"]')).toContainText('Seoul');
});

test('a schedule with bad rows lists every error and applies nothing', async ({ page }) => {
  await page.goto('/admin/import');
  await page.getByLabel('API token').fill(E2E_API_TOKEN);
  const rows = [
    'id,flight,airline,direction,origin,destination,scheduled,status',
    'ZZ1-2026-11-26,ZZ1,Test Air,departure,LHR:London,FCO:Rome,2026-11-26T10:00:00Z,scheduled',
    'ZZ2-2026-11-26,ZZ2,Test Air,departure,LHR:London,fco:Rome,2026-11-26T10:00:00Z,scheduled',
    'ZZ3-2026-11-26,ZZ3,Test Air,departure,LHR:London,FCO:Rome,2026-11-26T10:00:00Z,flying',
  ];
  await page.getByLabel('Schedule file (CSV or JSON)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.getByRole('button', { name: 'Import schedule' }).click();
  await expect(page.getByRole('status')).toHaveText('Nothing was applied: 2 rows have errors.');
  const errors = page.getByRole('region', { name: 'Row errors' }).getByRole('listitem');
  await expect(errors).toHaveCount(2);
  await expect(errors.first()).toContainText('Row 2, destination.iata');
  expect((await page.request.get('/api/flights/ZZ1-2026-11-26')).status()).toBe(404);
});

test('a wrong token is explained, before anything is sent to the board', async ({ page, consoleErrors }) => {
  await page.goto('/admin/import');
  await page.getByLabel('API token').fill('not-the-token');
  await page.getByLabel('Schedule file (CSV or JSON)').setInputFiles(path.resolve('public/sample-schedule.csv'));
  await page.getByRole('button', { name: 'Import schedule' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Bearer' })).toContainText('Send a valid token');
  // Chromium logs the refused request itself; that one is expected here, anything else is not.
  const expected = consoleErrors.filter((error) => /status of 401/.test(error));
  expect(expected).toHaveLength(1);
  consoleErrors.splice(consoleErrors.indexOf(expected[0]!), 1);
});
