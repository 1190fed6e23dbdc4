import { auth, departureBody, expect, test } from './fixtures';

// Places of their own, so the simulator's flights never show on these screens.
const tag = () => `${Date.now() % 1000}`;

test.describe('languages', () => {
  test('?lang=de shows the board’s headings, status words and remarks in German; flight numbers and times as they are', async ({ page }) => {
    const id = `LG${tag()}-2026-12-04`;
    const scheduled = new Date(Date.now() + 3_600_000);
    expect((await page.request.post('/api/flights', { headers: auth, data: departureBody(id, { status: 'boarding', scheduled: scheduled.toISOString() }) })).status()).toBe(201);
    // Searched for, so its row is on the first screen however full the simulated board is.
    await page.goto(`/flights?tab=departures&lang=de&q=${id.split('-')[0]}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('tab', { name: 'Abflug' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('columnheader', { name: 'Flug', exact: true })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Nach' })).toBeVisible();
    const row = page.locator(`tr[data-flight-id="${id}"]`);
    await expect(row).toContainText(id.split('-')[0]!);
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(scheduled);
    await expect(row).toContainText(time);
    await expect(row.locator('[data-status]')).toHaveText('Einsteigen');
    await expect(page.getByRole('status')).toHaveText('Live');
    await page.request.delete(`/api/flights/${id}`, { headers: auth });
  });

  test('without ?lang= the browser’s Accept-Language picks among ours, else English', async ({ browser }) => {
    const gate = `F${tag()}`;
    for (const [locale, words, lang] of [
      ['fr-FR', `Porte ${gate}`, 'fr'],
      ['es-ES', `Puerta ${gate}`, 'es'],
      ['ja-JP', `Gate ${gate}`, 'en'],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`/display/gate/${gate}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await context.close();
    }
  });

  test('several languages alternate every 8 s on a display and on the wall (fake clock)', async ({ page }) => {
    const belt = `L${tag()}`;
    await page.clock.install();
    await page.goto(`/display/belt/${belt}?lang=en,de`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(`Baggage belt ${belt}`);
    await expect(page.getByText('No arrivals')).toBeVisible();
    // Hydrated, and its timers running: the server-rendered heading shows before that.
    await expect(page.getByRole('status')).toHaveText('Live');
    await page.clock.runFor(8000);
    await expect(heading).toHaveText(`Gepäckband ${belt}`);
    await expect(page.getByText('Keine Ankünfte')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.clock.runFor(8000);
    await expect(heading).toHaveText(`Baggage belt ${belt}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.goto('/flights?display=wall&lang=fr,es');
    const wallHeading = page.getByRole('heading', { level: 2 });
    await expect(wallHeading).toHaveText('Arrivées');
    await expect(page.getByRole('status')).toHaveText('Live');
    await page.clock.runFor(8000);
    await expect(wallHeading).toHaveText('Llegadas');
    await expect(page.getByRole('columnheader', { name: 'Origen' })).toBeVisible();
  });

  test('a named screen speaks the languages it is set to', async ({ page }) => {
    const name = `lang-${tag()}`;
    expect((await page.request.put(`/api/screens/${name}`, { headers: auth, data: { kind: 'gate', target: 'G1', languages: ['es'] } })).status()).toBe(200);
    await page.goto(`/screens/${name}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Puerta G1');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    expect((await page.request.put(`/api/screens/${name}`, { headers: auth, data: { kind: 'gate', target: 'G1', languages: ['fr'] } })).status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Porte G1', { timeout: 5000 });
    await page.request.delete(`/api/screens/${name}`, { headers: auth });
  });
});
