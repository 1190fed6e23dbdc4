import { auth, departureBody, expect, openStreams, test } from './fixtures';

test.describe('writes on an open board', () => {
  test('a write through the API shows up on the open board', async ({ page }) => {
    const id = `AZ7${Date.now() % 1000}-2026-11-22`;
    // Searched for, so that its row is on screen whatever else the board holds.
    await page.goto(`/flights?tab=departures&q=${id.split('-')[0]}`);
    await expect(page.getByRole('status')).toHaveText('Live');
    const created = await page.request.post('/api/flights', { headers: auth, data: departureBody(id) });
    expect(created.status()).toBe(201);
    const row = page.locator(`tr[data-flight-id="${id}"]`);
    await expect(row).toContainText('Rome');
    const patched = await page.request.patch(`/api/flights/${id}`, { headers: auth, data: { status: 'boarding', gate: 'C4' } });
    expect(patched.status()).toBe(200);
    await expect(row.locator('td[data-status]')).toHaveAttribute('data-status', 'boarding');
    await expect(row).toContainText('C4');
    expect((await page.request.delete(`/api/flights/${id}`, { headers: auth })).status()).toBe(204);
    await expect(row).toHaveCount(0);
  });

  test('renders an HTML payload in a city name as text', async ({ page }) => {
    const id = `XSS${Date.now() % 1000}-2026-11-22`;
    await page.goto('/flights?tab=departures&q=BA1');
    await expect(page.getByRole('status')).toHaveText('Live');
    const payload = '<img src=x onerror=alert(1)>';
    const created = await page.request.post('/api/flights', {
      headers: auth,
      data: departureBody(id, { flight: 'BA1', destination: { iata: 'FCO', city: payload } }),
    });
    expect(created.status()).toBe(201);
    const row = page.locator(`tr[data-flight-id="${id}"]`);
    await expect(row).toContainText(payload);
    await expect(row.locator('img')).toHaveCount(0);
    // A fresh, server-rendered page escapes it too.
    await page.reload();
    await expect(page.locator(`tr[data-flight-id="${id}"]`)).toContainText(payload);
    await expect(page.locator('tr img')).toHaveCount(0);
    await page.request.delete(`/api/flights/${id}`, { headers: auth });
  });

  test('a server close shows "Closed by server" and the page stays closed until resumed', async ({ page }) => {
    // The page's timers run on a clock the test can move: no waiting for a reconnect that must not come.
    await page.clock.install();
    const streamRequests: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/events') streamRequests.push(Date.now());
    });
    await page.goto('/flights');
    await expect(page.getByRole('status')).toHaveText('Live');
    const closed = await page.request.post('/api/events/close', { headers: auth, data: { reason: 'maintenance' } });
    expect(closed.status()).toBe(200);
    expect((await closed.json()).closed).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('status')).toHaveText('Closed by server');
    const closedAt = Date.now();
    // Ten minutes on the page's clock: every retry, backoff, watchdog and wake timer has had its turn.
    await page.clock.runFor(10 * 60_000);
    await expect(page.getByRole('status')).toHaveText('Closed by server');
    expect(await openStreams(page)).toBe(0);
    // The marker: Resume opens the stream again, and that is the only stream asked for since the close.
    const resumedAt = Date.now();
    await page.getByRole('button', { name: 'Resume updates' }).click();
    await expect(page.getByRole('status')).toHaveText('Live');
    await expect.poll(() => openStreams(page)).toBe(1);
    const sinceClose = streamRequests.filter((at) => at >= closedAt);
    expect(sinceClose).toHaveLength(1);
    expect(sinceClose[0]).toBeGreaterThanOrEqual(resumedAt);
  });
});
