import { expect, openStreams, test } from './fixtures';

test.describe('the flights board', () => {
  test('redirects / to /flights and server-renders the flights into the HTML', async ({ page, request }) => {
    const html = await (await request.get('/flights')).text();
    expect(html).toMatch(/data-flight-id="[A-Z0-9]+-\d{4}-\d{2}-\d{2}"/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/flights$/);
    await expect(page.locator('table tbody tr[data-flight-id]')).not.toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('Live');
  });

  test('shows a row change live, without a reload', async ({ page }) => {
    await page.goto('/flights');
    await expect(page.getByRole('status')).toHaveText('Live');
    const statuses = () =>
      page.locator('tr[data-flight-id] td[data-status]').evaluateAll((cells) =>
        cells.map((cell) => `${cell.closest('tr')!.getAttribute('data-flight-id')}=${cell.getAttribute('data-status')}`),
      );
    const before = new Set(await statuses());
    await expect
      .poll(async () => (await statuses()).some((entry) => !before.has(entry)), { timeout: 10_000 })
      .toBe(true);
  });

  test('opens exactly one stream; Stop closes it on the server and Resume reopens it', async ({ page }) => {
    const baseline = await openStreams(page);
    const streamRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/events') streamRequests.push(request.url());
    });
    await page.goto('/flights');
    await expect(page.getByRole('status')).toHaveText('Live');
    await expect.poll(() => openStreams(page)).toBe(baseline + 1);
    expect(streamRequests).toHaveLength(1);
    expect(streamRequests[0]).toMatch(/lastEventId=\d+/);

    await page.getByRole('button', { name: 'Stop updates' }).click();
    await expect(page.getByRole('status')).toHaveText('Paused');
    await expect.poll(() => openStreams(page), { timeout: 2000 }).toBe(baseline);

    await page.getByRole('button', { name: 'Resume updates' }).click();
    await expect(page.getByRole('status')).toHaveText('Live');
    await expect.poll(() => openStreams(page), { timeout: 2000 }).toBe(baseline + 1);
    expect(streamRequests).toHaveLength(2);
  });

  test('shows each status in words and in its own colour', async ({ page }) => {
    await page.goto('/flights');
    const cells = page.locator('td[data-status]');
    await expect(cells.first()).toBeVisible();
    const seen = await cells.evaluateAll((all) =>
      all.map((cell) => ({
        status: cell.getAttribute('data-status'),
        text: cell.textContent?.trim(),
        colour: getComputedStyle(cell.firstElementChild!).color,
      })),
    );
    for (const cell of seen) expect(cell.text!.length).toBeGreaterThan(0);
    const colourByStatus = new Map(seen.map((cell) => [cell.status, cell.colour]));
    expect(new Set(colourByStatus.values()).size).toBe(colourByStatus.size);
  });
});
