import { auth, departureBody, expect, openStreams, test } from './fixtures';

test.describe('the back/forward cache', () => {
  test('keeps the board whole while the user is on another page, and the board catches up when they come back', async ({ page }) => {
    const id = `BF${Date.now() % 1000}-2026-12-03`;
    // Chromium says why a page was not kept; the test names the reasons when it fails.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    const notKept: string[] = [];
    cdp.on('Page.backForwardCacheNotUsed', (event) => notKept.push(...event.notRestoredExplanations.map((explanation) => explanation.reason)));
    const baseline = await openStreams(page);
    const response = await page.goto(`/flights?tab=departures&q=${id.split('-')[0]}`);
    // `no-store` keeps a page out of the back/forward cache in most browsers and in Lighthouse's audit
    // (this Chromium makes exceptions), so the page must not say it.
    expect(response!.headers()['cache-control']).toBe('private, no-cache');
    await expect(page.getByRole('status')).toHaveText('Live');
    await expect.poll(() => openStreams(page)).toBe(baseline + 1);
    // Marks this document: a reload would start a new one without it.
    await page.evaluate(() => Object.assign(window, { keptDocument: true }));

    await page.goto('/admin/import');
    // The hidden board holds no stream while it is away.
    await expect.poll(() => openStreams(page)).toBe(baseline);
    expect((await page.request.post('/api/flights', { headers: auth, data: departureBody(id) })).status()).toBe(201);

    // A restored page fires no load event: wait for the navigation to commit only.
    await page.goBack({ waitUntil: 'commit' });
    expect(await page.evaluate(() => 'keptDocument' in window), `not kept: ${notKept.join(', ')}`).toBe(true);
    await expect(page.locator(`tr[data-flight-id="${id}"]`)).toContainText('Rome');
    await expect(page.getByRole('status')).toHaveText('Live');
    await expect.poll(() => openStreams(page)).toBe(baseline + 1);
    await page.request.delete(`/api/flights/${id}`, { headers: auth });
  });
});
