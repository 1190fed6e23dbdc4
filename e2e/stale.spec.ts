import { auth, departureBody, expect, test } from './fixtures';
import { startServer, type RunningServer } from './support/server';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { E2E_API_TOKEN } from '../playwright.config';

// A server of its own, quiet (no simulator: only heartbeats keep a board live), with a short
// heartbeat so a silent stream shows within seconds, behind a proxy that can fail as networks do.
const HEARTBEAT_MS = 1000;
let server: RunningServer;
let proxy: TcpProxy;

test.beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'off', SSE_HEARTBEAT_MS: String(HEARTBEAT_MS), SSE_RETRY_MS: '1000', API_TOKEN: E2E_API_TOKEN });
  proxy = await startTcpProxy([server.port]);
});

test.afterAll(async () => {
  await proxy?.close();
  await server?.stop();
});

test.afterEach(() => {
  proxy.setBufferStreams(false);
});

const create = async (request: import('@playwright/test').APIRequestContext, id: string) =>
  expect((await request.post(`${server.url}/api/flights`, { headers: auth, data: departureBody(id) })).status()).toBe(201);

test.describe('a board that knows when it is stale', () => {
  test('leaves Live within 2.5 heartbeats + 1 s when its stream goes silent, shows when it last heard, and recovers with a write made meanwhile', async ({ page }) => {
    await page.goto(`${proxy.url}/flights?tab=departures`);
    const status = page.getByRole('status');
    await expect(status).toHaveText('Live');
    // Heartbeats alone keep a quiet board live.
    await page.waitForTimeout(3 * HEARTBEAT_MS);
    await expect(status).toHaveText('Live');

    // The stream's bytes stop, its socket open; for now new streams deliver nothing either.
    proxy.setBufferStreams(true);
    proxy.holdOpenStreams();
    const held = Date.now();
    await expect(status).not.toHaveText('Live', { timeout: 2.5 * HEARTBEAT_MS + 1000 });
    expect(Date.now() - held).toBeLessThanOrEqual(2.5 * HEARTBEAT_MS + 1000);
    await expect(status).toHaveText('Reconnecting…');
    await expect(page.getByTestId('last-updated')).toHaveText(/^Last updated \d{2}:\d{2}:\d{2}$/);

    await create(page.request, 'ST1-stale');
    proxy.setBufferStreams(false);
    await expect(status).toHaveText('Live', { timeout: 10_000 });
    await expect(page.locator('tr[data-flight-id="ST1-stale"] td[data-status]')).toHaveAttribute('data-status', 'scheduled');
    await expect(page.getByTestId('last-updated')).toHaveCount(0);
    await page.request.delete(`${server.url}/api/flights/ST1-stale`, { headers: auth });
  });

  test('the wall display shows Last updated in type readable across a hall', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${proxy.url}/flights?display=wall`);
    await expect(page.getByRole('status')).toHaveText('Live');
    proxy.setBufferStreams(true);
    proxy.holdOpenStreams();
    const lastUpdated = page.getByTestId('last-updated');
    await expect(lastUpdated).toBeVisible({ timeout: 2.5 * HEARTBEAT_MS + 1000 });
    const fontPx = await lastUpdated.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(28);
  });
});

test.describe('a board that wakes up', () => {
  test.use({ expectedConsoleErrors: [/net::ERR_INTERNET_DISCONNECTED/] });

  test('offline then online: Live within 2 s, whatever the backoff had reached', async ({ page, context }) => {
    // The longest wait of the backoff every time: only waking can bring the board back early.
    await page.addInitScript(() => {
      Math.random = () => 0.999;
    });
    let failedStreams = 0;
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).pathname === '/api/events') failedStreams += 1;
    });
    await page.goto(`${proxy.url}/flights`);
    const status = page.getByRole('status');
    await expect(status).toHaveText('Live');
    // The network goes: new requests fail, and the open stream (whose socket the browser's offline
    // mode leaves alone) stops delivering.
    await context.setOffline(true);
    proxy.holdOpenStreams();
    await expect(status).toHaveText('Reconnecting…', { timeout: 2.5 * HEARTBEAT_MS + 1000 });
    // Attempts after about 1, 2 and 4 s: the next is about 8 s away.
    await expect.poll(() => failedStreams, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await context.setOffline(false);
    const online = Date.now();
    await expect(status).toHaveText('Live', { timeout: 2000 });
    expect(Date.now() - online).toBeLessThanOrEqual(2000);
  });
});

test.describe('behind a proxy that buffers the stream', () => {
  test('polls the board every 5 s, says so, shows a write within 15 s, and is Live again once the stream delivers', async ({ page }) => {
    test.setTimeout(90_000);
    proxy.setBufferStreams(true);
    await page.goto(`${proxy.url}/flights?tab=departures`);
    const status = page.getByRole('status');
    await expect(status).toHaveText('Updating every 5 s', { timeout: 15_000 });
    await create(page.request, 'BP1-buffered');
    const written = Date.now();
    await expect(page.locator('tr[data-flight-id="BP1-buffered"]')).toHaveCount(1, { timeout: 15_000 });
    expect(Date.now() - written).toBeLessThanOrEqual(15_000);
    await expect(status).toHaveText('Updating every 5 s');

    proxy.setBufferStreams(false);
    await expect(status).toHaveText('Live', { timeout: 45_000 });
    await page.request.delete(`${server.url}/api/flights/BP1-buffered`, { headers: auth });
  });
});
