import AxeBuilder from '@axe-core/playwright';
import { auth, departureBody, expect, test } from './fixtures';

// Gates and belts of their own, so the simulator's flights never show on these screens.
const unique = () => `${Date.now() % 100000}`;

/** An arrival from Rome that landed ten minutes ago, its bags on `belt`. */
function arrivalOnBelt(id: string, belt: string) {
  const landedAt = new Date(Date.now() - 600_000).toISOString();
  return departureBody(id, {
    direction: 'arrival',
    origin: { iata: 'FCO', city: 'Rome' },
    destination: { iata: 'LHR', city: 'London' },
    scheduled: landedAt,
    actual: landedAt,
    gate: null,
    belt,
    status: 'baggage',
  });
}

test.describe('the gate display', () => {
  test('follows a flight moved to another gate within 3 s, and the old gate says No departures', async ({ page, browser }) => {
    const tag = unique();
    const [from, to] = [`X${tag.slice(-3)}`, `Y${tag.slice(-3)}`];
    const id = `GD${tag.slice(-3)}-2026-12-03`;
    expect((await page.request.post('/api/flights', { headers: auth, data: departureBody(id, { gate: from }) })).status()).toBe(201);
    const newGatePage = await browser.newPage();
    await page.goto(`/display/gate/${from}`);
    await newGatePage.goto(`/display/gate/${to}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Gate ${from}`);
    await expect(page.getByTestId('gate-flight')).toHaveText(id.split('-')[0]!);
    await expect(page.getByText('Rome (FCO)')).toBeVisible();
    await expect(newGatePage.getByText('No departures')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Live');
    await expect(newGatePage.getByRole('status')).toHaveText('Live');

    expect((await page.request.patch(`/api/flights/${id}`, { headers: auth, data: { gate: to, status: 'boarding' } })).status()).toBe(200);
    await expect(newGatePage.getByTestId('gate-flight')).toHaveText(id.split('-')[0]!, { timeout: 3000 });
    await expect(newGatePage.getByTestId('gate-remark')).toHaveText('Boarding', { timeout: 3000 });
    await expect(page.getByText('No departures')).toBeVisible({ timeout: 3000 });
    await newGatePage.close();
    await page.request.delete(`/api/flights/${id}`, { headers: auth });
  });

  test('shows each codeshare in turn, the operating flight first', async ({ page }) => {
    const tag = unique();
    const gate = `Z${tag.slice(-3)}`;
    const id = `CS${tag.slice(-3)}-2026-12-03`;
    const data = departureBody(id, { gate, codeshares: ['DL6618', 'KL1234'] });
    expect((await page.request.post('/api/flights', { headers: auth, data })).status()).toBe(201);
    await page.goto(`/display/gate/${gate}`);
    const designator = page.getByTestId('gate-flight');
    await expect(designator).toHaveText(data.flight as string);
    await expect(designator).toHaveText('DL6618', { timeout: 6000 });
    await expect(designator).toHaveText('KL1234', { timeout: 6000 });
    await expect(designator).toHaveText(data.flight as string, { timeout: 6000 });
    await page.request.delete(`/api/flights/${id}`, { headers: auth });
  });

  test('answers 404 for a gate no flight could have, and 400 for a malformed escape', async ({ page }) => {
    for (const gate of ['A'.repeat(30), '%3Cscript%3E']) {
      expect((await page.request.get(`/display/gate/${gate}`)).status(), gate).toBe(404);
    }
    for (const path of ['/display/gate/%E0%A4%A', '/display/belt/%E0%A4%A']) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(400);
      expect(await response.text()).toContain('Malformed percent-encoding');
    }
  });
});

test.describe('the belt display', () => {
  test('lists the arrival whose bags are on the belt, live', async ({ page }) => {
    const tag = unique();
    const belt = `B${tag.slice(-3)}`;
    const id = `BD${tag.slice(-3)}-2026-12-03`;
    await page.goto(`/display/belt/${belt}`);
    await expect(page.getByText('No arrivals')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Live');
    expect((await page.request.post('/api/flights', { headers: auth, data: arrivalOnBelt(id, belt) })).status()).toBe(201);
    const row = page.locator(`tr[data-flight-id="${id}"]`);
    await expect(row).toContainText('Rome', { timeout: 3000 });
    await expect(row).toContainText(`Baggage belt ${belt}`);
    await page.request.delete(`/api/flights/${id}`, { headers: auth });
  });
});

for (const viewport of [
  { name: 'a phone', width: 390, height: 844 },
  { name: '1920×1080', width: 1920, height: 1080 },
]) {
  test(`the displays have no serious accessibility violations on ${viewport.name}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    // Each display showing a flight, in its longest form: a table that overflowed a phone once put
    // light text on the page's light background.
    const tag = unique();
    const [gate, belt] = [`A${tag.slice(-3)}`, `C${tag.slice(-3)}`];
    const ids = [`AX${tag.slice(-3)}-2026-12-03`, `AY${tag.slice(-3)}-2026-12-03`];
    const departure = departureBody(ids[0]!, { gate, codeshares: ['DL6618'], destination: { iata: 'SIN', city: 'Singapore' } });
    for (const data of [departure, arrivalOnBelt(ids[1]!, belt)]) {
      expect((await page.request.post('/api/flights', { headers: auth, data })).status()).toBe(201);
    }
    // The README's pictures, at a wall screen's size.
    const picture = (name: string) => viewport.width === 1920 && `${process.env.UPDATE_SCREENSHOTS === '1' ? 'e2e/screenshots' : testInfo.outputDir}/${name}`;
    for (const [path, file] of [
      [`/display/gate/${gate}`, picture('gate-display.png')],
      [`/display/belt/${belt}`, picture('belt-display.png')],
      ['/display/gate/none', false],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('status')).toHaveText('Live');
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious.map((violation) => `${path}: ${violation.id}`)).toEqual([]);
      if (file) await page.screenshot({ path: file });
    }
    for (const id of ids) await page.request.delete(`/api/flights/${id}`, { headers: auth });
  });
}
