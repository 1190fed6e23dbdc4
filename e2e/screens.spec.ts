import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { auth, expect, test } from './fixtures';
import { E2E_API_TOKEN } from '../playwright.config';

// Names of their own, so runs never meet each other's screens.
const unique = (what: string) => `${what}-${Date.now() % 1_000_000}`;

const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
const sameDocument = async (page: Page) => expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

test.describe('named screens', () => {
  test('an open screen follows each PUT to its setting within 5 s, without a reload', async ({ page }) => {
    const name = unique('hall');
    const put = async (data: Record<string, unknown>) =>
      expect((await page.request.put(`/api/screens/${name}`, { headers: auth, data })).status()).toBe(200);
    await page.goto(`/screens/${name}`);
    await expect(page.getByText('This screen is not set up yet.')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Live');
    await markDocument(page);

    await put({ kind: 'gate', target: 'Q9' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gate Q9', { timeout: 5000 });
    await expect(page.getByText('No departures')).toBeVisible();
    await put({ kind: 'belt', target: 'Q3' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Baggage belt Q3', { timeout: 5000 });
    await put({ kind: 'departures', pageSeconds: 15 });
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Departures', { timeout: 5000 });
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Live');
    expect((await page.request.delete(`/api/screens/${name}`, { headers: auth })).status()).toBe(204);
    await expect(page.getByText('This screen is not set up yet.')).toBeVisible({ timeout: 5000 });
    await sameDocument(page);
  });

  test.describe(() => {
    // The refused save without a token is the browser's own console line for a 401.
    test.use({ expectedConsoleErrors: [/status of 401/] });
    test('the admin page sets a screen up and changes it, and the open screen follows', async ({ page, browser }) => {
      const name = unique('gate');
      const screen = await browser.newPage();
      await screen.goto(`/screens/${name}`);
      await expect(screen.getByRole('status')).toHaveText('Live');

      await page.goto('/admin/screens');
      const form = page.getByRole('form', { name: 'Set up a screen' });
      await form.getByLabel('Screen name').fill(name);
      await form.getByLabel('Shows').selectOption('gate');
      await form.getByLabel('Gate', { exact: true }).fill('K4');
      await form.getByRole('button', { name: 'Save screen' }).click();
      // No token yet: the server's refusal is shown, and nothing is saved.
      await expect(page.getByText('Send a valid token')).toBeVisible();
      await expect(page.locator(`tr[data-screen="${name}"]`)).toHaveCount(0);

      await page.getByLabel('API token').fill(E2E_API_TOKEN);
      await form.getByRole('button', { name: 'Save screen' }).click();
      await expect(page.locator(`tr[data-screen="${name}"]`)).toContainText('Gate K4');
      await expect(screen.getByRole('heading', { level: 1 })).toHaveText('Gate K4', { timeout: 5000 });

      await page.getByRole('button', { name: `Edit ${name}` }).click();
      await expect(form.getByLabel('Screen name')).toHaveValue(name);
      await form.getByLabel('Shows').selectOption('belt');
      await form.getByLabel('Belt', { exact: true }).fill('7');
      await form.getByLabel('de', { exact: true }).check();
      await form.getByRole('button', { name: 'Save screen' }).click();
      await expect(page.locator(`tr[data-screen="${name}"]`)).toContainText('Baggage belt 7');
      await expect(page.locator(`tr[data-screen="${name}"]`)).toContainText('en, de');
      await expect(screen.getByRole('heading', { level: 1 })).toHaveText('Baggage belt 7', { timeout: 5000 });

      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

      await page.getByRole('button', { name: `Remove ${name}` }).click();
      await expect(page.locator(`tr[data-screen="${name}"]`)).toHaveCount(0);
      await expect(screen.getByText('This screen is not set up yet.')).toBeVisible({ timeout: 5000 });
      await screen.close();
    });
  });

  for (const viewport of [
    { name: 'a phone', width: 390, height: 844 },
    { name: '1920×1080', width: 1920, height: 1080 },
  ]) {
    test(`a named screen has no serious accessibility violations on ${viewport.name}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const name = unique('axe');
      for (const setting of [{ kind: 'arrivals' }, { kind: 'gate', target: 'A1' }]) {
        expect((await page.request.put(`/api/screens/${name}`, { headers: auth, data: setting })).status()).toBe(200);
        await page.goto(`/screens/${name}`);
        await expect(page.getByRole('status')).toHaveText('Live');
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        expect(serious.map((violation) => `${setting.kind}: ${violation.id}`)).toEqual([]);
      }
      await page.request.delete(`/api/screens/${name}`, { headers: auth });
    });
  }
});
