import type { Page } from '@playwright/test';
import { auth, departureBody, expect, openStreams, test } from './fixtures';

const TABS = 8;

/** Opens `count` tabs of the board in the page's browser context, each searching for `query`. */
async function openTabs(first: Page, count: number, query: string): Promise<Page[]> {
  const pages = [first, ...(await Promise.all(Array.from({ length: count - 1 }, () => first.context().newPage())))];
  for (const page of pages) await page.goto(`/flights?tab=departures&q=${query}`);
  for (const page of pages) await expect(page.getByRole('status')).toHaveText('Live');
  return pages;
}

const statusOf = (page: Page, id: string) => page.locator(`tr[data-flight-id="${id}"] td[data-status]`);

test.describe('many tabs of one browser', () => {
  test('eight tabs are live on one server stream, a write reaches all of them, and closing the holding tab loses nothing', async ({ page }) => {
    const baseline = await openStreams(page);
    const streamsOpenedBy = new Map<Page, number>();
    page.context().on('request', (request) => {
      if (new URL(request.url()).pathname !== '/api/events') return;
      const opener = request.frame().page();
      streamsOpenedBy.set(opener, (streamsOpenedBy.get(opener) ?? 0) + 1);
    });
    const tabs = await openTabs(page, TABS, 'TB');
    await expect.poll(() => openStreams(page)).toBe(baseline + 1);
    expect([...streamsOpenedBy.values()]).toEqual([1]);

    const ids = Array.from({ length: 4 }, (_, i) => `TB${100 + i}-tabs`);
    for (const id of ids) expect((await page.request.post('/api/flights', { headers: auth, data: departureBody(id) })).status()).toBe(201);
    for (const tab of tabs) for (const id of ids) await expect(statusOf(tab, id)).toHaveAttribute('data-status', 'scheduled');

    // The tab holding the stream goes away while writes keep coming: the next one takes over.
    const holder = [...streamsOpenedBy.keys()][0]!;
    const others = tabs.filter((tab) => tab !== holder);
    const writes = (async () => {
      for (const [i, id] of ids.entries()) {
        await page.request.patch(`/api/flights/${id}`, { headers: auth, data: { gate: `G${i + 10}` } });
        await new Promise((resolve) => setTimeout(resolve, 150));
        await page.request.patch(`/api/flights/${id}`, { headers: auth, data: { status: 'boarding' } });
      }
    })();
    await holder.close();
    await writes;
    const server = await Promise.all(ids.map(async (id) => (await (await page.request.get(`/api/flights/${id}`)).json()) as { gate: string }));
    for (const tab of others) {
      await expect(tab.getByRole('status')).toHaveText('Live');
      for (const [i, id] of ids.entries()) {
        await expect(statusOf(tab, id)).toHaveAttribute('data-status', 'boarding');
        await expect(tab.locator(`tr[data-flight-id="${id}"]`)).toContainText(server[i]!.gate);
      }
    }
    await expect.poll(() => openStreams(others[0]!), { timeout: 10_000 }).toBe(baseline + 1);
    for (const id of ids) await page.request.delete(`/api/flights/${id}`, { headers: auth });
    for (const tab of others) await tab.close();
  });

  test('Stop pauses only its own tab and Resume catches it up; closedConnection closes every tab', async ({ page }) => {
    const baseline = await openStreams(page);
    const [first, second] = await openTabs(page, 2, 'SP');
    await first!.getByRole('button', { name: 'Stop updates' }).click();
    await expect(first!.getByRole('status')).toHaveText('Paused');
    await expect(second!.getByRole('status')).toHaveText('Live');
    await expect.poll(() => openStreams(page)).toBe(baseline + 1);

    const id = 'SP1-tabs';
    expect((await page.request.post('/api/flights', { headers: auth, data: departureBody(id) })).status()).toBe(201);
    await expect(statusOf(second!, id)).toHaveAttribute('data-status', 'scheduled');
    await expect(statusOf(first!, id)).toHaveCount(0);
    await first!.getByRole('button', { name: 'Resume updates' }).click();
    await expect(statusOf(first!, id)).toHaveAttribute('data-status', 'scheduled');
    await expect(first!.getByRole('status')).toHaveText('Live');

    // With every tab stopped the browser's stream closes.
    await first!.getByRole('button', { name: 'Stop updates' }).click();
    await second!.getByRole('button', { name: 'Stop updates' }).click();
    await expect.poll(() => openStreams(page)).toBe(baseline);
    await second!.getByRole('button', { name: 'Resume updates' }).click();
    await expect(second!.getByRole('status')).toHaveText('Live');

    expect((await page.request.post('/api/events/close', { headers: auth, data: { reason: 'Maintenance' } })).status()).toBe(200);
    await expect(first!.getByRole('status')).toHaveText('Closed by server');
    await expect(second!.getByRole('status')).toHaveText('Closed by server');
    await expect.poll(() => openStreams(page)).toBe(baseline);
    await page.request.delete(`/api/flights/${id}`, { headers: auth });
    await second!.close();
  });

  test('after the server closes the stream no tab of eight reconnects, the holder closing among them, until a user resumes', async ({ page }) => {
    const baseline = await openStreams(page);
    const streamRequests: { page: Page; at: number }[] = [];
    page.context().on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/events') streamRequests.push({ page: request.frame().page(), at: Date.now() });
    });
    const tabs = await openTabs(page, TABS, 'CL');
    await expect.poll(() => openStreams(page)).toBe(baseline + 1);
    const holder = streamRequests.at(-1)!.page;

    const closedAt = Date.now();
    expect((await page.request.post('/api/events/close', { headers: auth, data: { reason: 'Maintenance' } })).status()).toBe(200);
    for (const tab of tabs) await expect(tab.getByRole('status')).toHaveText('Closed by server');
    await expect.poll(() => openStreams(page)).toBe(baseline);
    // The holder goes away: the tab that takes the lock must not reopen what the server closed.
    await holder.close();
    const others = tabs.filter((tab) => tab !== holder);
    for (const tab of others) await expect(tab.getByRole('status')).toHaveText('Closed by server');

    // The marker: Resume in one tab opens the browser's stream again. Every stream opened since the
    // close is that one, asked for after the click.
    const resumedAt = Date.now();
    await others[0]!.getByRole('button', { name: 'Resume updates' }).click();
    await expect(others[0]!.getByRole('status')).toHaveText('Live');
    await expect.poll(() => openStreams(page)).toBe(baseline + 1);
    const sinceClose = streamRequests.filter((request) => request.at >= closedAt);
    expect(sinceClose).toHaveLength(1);
    expect(sinceClose[0]!.at).toBeGreaterThanOrEqual(resumedAt);
    for (const tab of others.slice(1)) await expect(tab.getByRole('status')).toHaveText('Closed by server');
    for (const tab of others) await tab.close();
  });

  test('a tab whose animation frames stop (hidden) still folds events in within about a second', async ({ page }) => {
    // A hidden tab runs no animation frames, not even one requested while it still looked visible.
    await page.addInitScript(() => {
      window.requestAnimationFrame = () => 0;
    });
    await page.goto('/flights?tab=departures&q=HD1');
    await expect(page.getByRole('status')).toHaveText('Live');
    const id = 'HD1-tabs';
    const sent = Date.now();
    expect((await page.request.post('/api/flights', { headers: auth, data: departureBody(id) })).status()).toBe(201);
    await expect(statusOf(page, id)).toHaveAttribute('data-status', 'scheduled', { timeout: 1500 });
    expect(Date.now() - sent).toBeLessThan(1500);
    await page.request.delete(`/api/flights/${id}`, { headers: auth });
  });
});
