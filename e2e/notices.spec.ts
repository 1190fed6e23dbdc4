import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { auth, departureBody, expect, test } from './fixtures';
import { deleteKeys, REDIS_URL, redisRequiredButMissing, uniquePrefix } from './support/redis';
import { startServer, type RunningServer } from './support/server';
import { E2E_API_TOKEN } from '../playwright.config';

// A notice without screens reaches every page: these tests run on servers of their own, so no
// other spec's page is ever taken over.
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'off', API_TOKEN: E2E_API_TOKEN });
});

test.afterAll(async () => {
  await server?.stop();
});

async function postNotice(request: APIRequestContext, base: string, data: Record<string, unknown>): Promise<string> {
  const response = await request.post(`${base}/api/notices`, { headers: auth, data });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

async function clearNotice(request: APIRequestContext, base: string, id: string) {
  expect((await request.delete(`${base}/api/notices/${id}`, { headers: auth })).status()).toBe(204);
}

/** A page taken over by an emergency: the alert with its text, the board's content hidden, the connection state still shown. */
const emergencyOn = (page: Page) => page.getByRole('alert', { name: 'Emergency' });

async function expectTakenOver(page: Page, text: string, hidden: string, timeout = 3000) {
  await expect(emergencyOn(page)).toContainText(text, { timeout });
  await expect(page.getByRole('heading', { name: hidden })).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Live');
}

test.describe('notices', () => {
  test('an info notice is a band above the board and the displays, live, and goes when cleared', async ({ page, browser }) => {
    expect((await page.request.post(`${server.url}/api/flights`, { headers: auth, data: departureBody('IN101-2026-12-04', { gate: 'N1' }) })).status()).toBe(201);
    const gatePage = await browser.newPage();
    await page.goto(`${server.url}/flights?tab=departures`);
    await gatePage.goto(`${server.url}/display/gate/N1`);
    for (const open of [page, gatePage]) await expect(open.getByRole('status')).toHaveText('Live');

    const id = await postNotice(page.request, server.url, { text: 'Security queues are long: allow 40 minutes.', level: 'info' });
    for (const open of [page, gatePage]) {
      await expect(open.getByRole('region', { name: 'Notices' })).toContainText('Security queues are long', { timeout: 3000 });
    }
    await expect(page.locator('tr[data-flight-id="IN101-2026-12-04"]')).toBeVisible();
    await expect(gatePage.getByTestId('gate-flight')).toHaveText('IN101');

    await clearNotice(page.request, server.url, id);
    for (const open of [page, gatePage]) await expect(open.getByRole('region', { name: 'Notices' })).toBeHidden({ timeout: 3000 });
    await gatePage.close();
  });

  test('an emergency takes over the board, the wall and the displays within 3 s, stays through a reload, and leaves when cleared', async ({ page, browser }) => {
    const pages = [page, await browser.newPage(), await browser.newPage()];
    const [board, wall, belt] = pages as [Page, Page, Page];
    await board.goto(`${server.url}/flights`);
    await wall.goto(`${server.url}/flights?display=wall&tab=departures`);
    await belt.goto(`${server.url}/display/belt/E4`);
    for (const open of pages) await expect(open.getByRole('status')).toHaveText('Live');
    // Still the same documents at the end: the takeover comes over the stream, not by a reload.
    for (const open of pages) await open.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    const id = await postNotice(page.request, server.url, { text: 'Leave the terminal by the nearest exit.', level: 'emergency' });
    await expectTakenOver(board, 'Leave the terminal by the nearest exit.', 'London Heathrow (LHR)');
    await expect(board.getByRole('table')).toBeHidden();
    await expectTakenOver(wall, 'Leave the terminal by the nearest exit.', 'Departures');
    await expectTakenOver(belt, 'Leave the terminal by the nearest exit.', 'Baggage belt E4');

    // The server renders it: a reloaded or newly opened screen shows it before any script runs.
    const html = await (await page.request.get(`${server.url}/display/gate/E1`)).text();
    expect(html).toMatch(/role="alert"[^>]*>.*Leave the terminal by the nearest exit\./s);
    await belt.reload();
    await expectTakenOver(belt, 'Leave the terminal by the nearest exit.', 'Baggage belt E4');

    await clearNotice(page.request, server.url, id);
    for (const open of pages) await expect(emergencyOn(open)).toBeHidden({ timeout: 3000 });
    await expect(board.getByRole('table')).toBeVisible();
    await expect(belt.getByRole('heading', { name: 'Baggage belt E4' })).toBeVisible();
    for (const open of [board, wall]) expect(await open.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    for (const open of pages.slice(1)) await open.close();
  });

  test('a notice for named screens shows only on them', async ({ page, browser }) => {
    expect((await page.request.put(`${server.url}/api/screens/hall-n`, { headers: auth, data: { kind: 'gate', target: 'N2' } })).status()).toBe(200);
    const screen = await browser.newPage();
    await page.goto(`${server.url}/flights`);
    await screen.goto(`${server.url}/screens/hall-n`);
    for (const open of [page, screen]) await expect(open.getByRole('status')).toHaveText('Live');
    const only = await postNotice(page.request, server.url, { text: 'Gate N2 has moved to N7.', level: 'info', screens: ['hall-n'] });
    await expect(screen.getByRole('region', { name: 'Notices' })).toContainText('Gate N2 has moved to N7.', { timeout: 3000 });
    // A notice for every screen, posted after it: once the board shows that one, it has had the first too.
    const everywhere = await postNotice(page.request, server.url, { text: 'Free Wi-Fi: Skyboard-Guest.', level: 'info' });
    await expect(page.getByRole('region', { name: 'Notices' })).toContainText('Free Wi-Fi', { timeout: 3000 });
    await expect(page.getByRole('region', { name: 'Notices' })).not.toContainText('Gate N2 has moved');
    await expect(screen.getByRole('region', { name: 'Notices' })).toContainText('Free Wi-Fi');
    for (const id of [only, everywhere]) await clearNotice(page.request, server.url, id);
    await screen.close();
  });

  for (const viewport of [
    { name: 'a phone', width: 390, height: 844 },
    { name: '1920×1080', width: 1920, height: 1080 },
  ]) {
    test(`an emergency has no serious accessibility violations on ${viewport.name}`, async ({ page }, testInfo) => {
      await page.setViewportSize(viewport);
      const id = await postNotice(page.request, server.url, { text: 'Fire alarm: leave the building by the nearest exit and follow staff.', level: 'emergency' });
      for (const path of ['/flights', '/display/gate/A1']) {
        await page.goto(`${server.url}${path}`);
        await expect(emergencyOn(page)).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        expect(serious.map((violation) => `${path}: ${violation.id}`)).toEqual([]);
      }
      if (viewport.width === 1920) {
        const folder = process.env.UPDATE_SCREENSHOTS === '1' ? 'e2e/screenshots' : testInfo.outputDir;
        await page.screenshot({ path: `${folder}/emergency-notice.png` });
      }
      await clearNotice(page.request, server.url, id);
    });
  }
});

test.describe('an emergency on two instances sharing one Redis', () => {
  test.skip(!REDIS_URL && !redisRequiredButMissing, 'needs REDIS_URL');
  const prefix = uniquePrefix();
  let instances: RunningServer[] = [];

  test.beforeAll(async () => {
    expect(REDIS_URL, 'REDIS_URL must be set when REQUIRE_REDIS=1').toBeDefined();
    const settings = { SIMULATOR: 'off', API_TOKEN: E2E_API_TOKEN, REDIS_URL: REDIS_URL!, REDIS_PREFIX: prefix };
    instances = await Promise.all([startServer(settings), startServer(settings)]);
  });

  test.afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    if (REDIS_URL) await deleteKeys(REDIS_URL, prefix);
  });

  test('shows on 3 open pages of both instances within 3 s of the POST, and leaves them within 3 s of the DELETE', async ({ page, browser }) => {
    const [first, second] = instances as [RunningServer, RunningServer];
    expect((await page.request.put(`${first.url}/api/screens/hall-r`, { headers: auth, data: { kind: 'departures' } })).status()).toBe(200);
    // Separate browser contexts: each page has a stream of its own, on the instance it was loaded from.
    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    const pages = [page, await contexts[0]!.newPage(), await contexts[1]!.newPage()];
    await pages[0]!.goto(`${first.url}/flights`);
    await pages[1]!.goto(`${second.url}/display/gate/R1`);
    await pages[2]!.goto(`${second.url}/screens/hall-r`);
    for (const open of pages) await expect(open.getByRole('status')).toHaveText('Live');
    // The screen set on the first instance is known to the second.
    await expect(pages[2]!.getByRole('heading', { level: 2 })).toHaveText('Departures');

    const id = await postNotice(page.request, first.url, { text: 'Evacuate: follow the green signs.', level: 'emergency' });
    for (const open of pages) await expect(emergencyOn(open)).toContainText('Evacuate: follow the green signs.', { timeout: 3000 });

    await clearNotice(page.request, second.url, id);
    for (const open of pages) await expect(emergencyOn(open)).toBeHidden({ timeout: 3000 });
    await Promise.all(contexts.map((context) => context.close()));
  });
});
