import AxeBuilder from '@axe-core/playwright';
import { auth, departureBody, expect, test } from './fixtures';
import { E2E_API_TOKEN } from '../playwright.config';

const unique = () => `${Date.now() % 10000}`;

test.describe('the operations page', () => {
  // The refused save is the browser's own console line for a 412.
  test.use({ expectedConsoleErrors: [/status of 412/] });

  test('a save over someone else’s change is refused, shows what they did, keeps the input, and saves on a second try', async ({ page }) => {
    const flight = `OP${unique()}`;
    const id = `${flight}-2026-12-04`;
    expect((await page.request.post('/api/flights', { headers: auth, data: departureBody(id, { status: 'boarding', gate: 'B32' }) })).status()).toBe(201);
    await page.goto('/admin/flights');
    await page.getByLabel('API token').fill(E2E_API_TOKEN);
    await page.getByLabel('Search flights').fill(flight);
    const row = page.locator(`tr[data-flight-id="${id}"]`);
    await expect(row).toBeVisible();

    // Only the legal next moves are offered.
    const status = page.getByLabel(`Status of ${flight}`);
    await expect(status.locator('option')).toHaveText(['Boarding', 'Final call', 'Gate closed', 'Departed', 'Cancelled']);

    const gate = page.getByLabel(`Gate of ${flight}`);
    await gate.fill('C1');
    await status.selectOption('final-call');
    // Another agent moves the flight first.
    expect((await page.request.patch(`/api/flights/${id}`, { headers: auth, data: { gate: 'D9' } })).status()).toBe(200);

    // Keyboard only: focus Save and press Enter.
    await page.getByRole('button', { name: `Save ${flight}` }).focus();
    await page.keyboard.press('Enter');
    const conflict = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(conflict).toContainText('Not saved: someone changed');
    await expect(conflict).toContainText('gate B32 → D9');
    await expect(gate).toHaveValue('C1');
    const afterConflict = await (await page.request.get(`/api/flights/${id}`)).json();
    expect(afterConflict).toMatchObject({ gate: 'D9', status: 'boarding', version: 2 });

    await page.getByRole('button', { name: `Save ${flight}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(`Saved ${flight} (version 3).`);
    expect(await (await page.request.get(`/api/flights/${id}`)).json()).toMatchObject({ gate: 'C1', status: 'final-call', version: 3 });

    await page.getByRole('button', { name: `History of ${flight}` }).click();
    const history = page.getByRole('list', { name: `History of ${flight}` });
    await expect(history.locator('li')).toHaveCount(3);
    await expect(history.locator('li').nth(2)).toContainText('admin (api): gate: D9 → C1, status: boarding → final-call');

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.request.delete(`/api/flights/${id}`, { headers: auth });
  });

  test('an untouched row follows the live board', async ({ page }) => {
    const flight = `OQ${unique()}`;
    const id = `${flight}-2026-12-04`;
    expect((await page.request.post('/api/flights', { headers: auth, data: departureBody(id) })).status()).toBe(201);
    await page.goto('/admin/flights');
    await page.getByLabel('Search flights').fill(flight);
    await expect(page.getByLabel(`Gate of ${flight}`)).toHaveValue('B32');
    expect((await page.request.patch(`/api/flights/${id}`, { headers: auth, data: { gate: 'E5' } })).status()).toBe(200);
    await expect(page.getByLabel(`Gate of ${flight}`)).toHaveValue('E5', { timeout: 3000 });
    await page.request.delete(`/api/flights/${id}`, { headers: auth });
  });
});
