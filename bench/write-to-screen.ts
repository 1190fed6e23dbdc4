// Write-to-screen latency: a flight created through the write API, until its row is on an open
// board in Chromium; and a simulated change, until it reaches a program on the stream.
// `npm run bench:screen`
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { apiClient, newFlightBody, TEST_TOKEN } from '../e2e/support/api';
import { connectSse } from '../e2e/support/sse-client';
import { startServer } from '../e2e/support/server';

const SAMPLES = 20;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
  return `n=${sorted.length}, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)} ms`;
};

async function main() {
  // An hour of the board a minute: simulated changes come several times a second to time them.
  const server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'on', SIMULATOR_TICK_MS: '200', SIMULATOR_FLIGHTS: '40', SIMULATOR_SPEED: '60' });
  const browser = await chromium.launch({
    executablePath: ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const stream = await connectSse(server.url);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    stream.close();
    const simulated = stream.events
      .filter((event) => event.event === 'flightStateUpdate')
      .map((event) => event.receivedAt! - Date.parse((event.data as { updatedAt: string }).updatedAt));
    console.log(`simulated change → program on the stream: ${summary(simulated)}`);

    const page = await browser.newPage();
    // Searched for, so every new row is on screen: only rows near the screen are in the DOM.
    await page.goto(`${server.url}/flights?tab=departures&q=LT`);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const api = apiClient(server.url);
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const id = `LAT${i}-2026-11-22`;
      const shown = page.waitForFunction((rowId) => document.querySelector(`tr[data-flight-id="${rowId}"]`) && Date.now(), id, {
        polling: 'raf',
      });
      const sent = Date.now();
      await api.create(newFlightBody({ id, flight: `LT${i + 1}`, codeshares: [], scheduled: new Date(Date.now() + 600_000).toISOString() }));
      samples.push(((await (await shown).jsonValue()) as number) - sent);
    }
    console.log(`write → row on an open board: ${summary(samples)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main();
