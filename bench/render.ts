// Render benchmark: the 5,000-flight board at 100 updates a second, in Chromium, while scrolling.
// Prints frames per second, long-task time, rows in the DOM and time to first rows. `npm run bench:render`
// (BENCH_SERVER=standalone to serve the page with the standalone server instead of `npm start`).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { readMetric } from '../e2e/support/metrics';
import { startServer, type ServerKind } from '../e2e/support/server';

const FLIGHTS = Number(process.env.BENCH_FLIGHTS ?? 5000);
const TICK_MS = Number(process.env.BENCH_TICK_MS ?? 10);
// The simulator changes flights when their time comes: 5,000 flights at 7 times real time is about
// 100 changes a second (the rate is measured and printed).
const SPEED = process.env.BENCH_SPEED ?? '7';
const MEASURE_MS = 5000;
const SERVER_KINDS: ServerKind[] = ['npm-start', 'standalone'];
const SERVER_KIND = (process.env.BENCH_SERVER ?? 'npm-start') as ServerKind;
if (!SERVER_KINDS.includes(SERVER_KIND)) throw new Error(`BENCH_SERVER: use one of ${SERVER_KINDS.join(', ')}`);

// Plain JavaScript for the page: the TypeScript runner's helpers do not exist there.
const measureInPage = (measureMs: number) => `(async () => {
  window.__longTasks = [];
  let frames = 0;
  let direction = 1;
  const start = performance.now();
  await new Promise((resolve) => {
    function frame() {
      frames += 1;
      // Scroll steadily down, and back up at the end, as someone reading the board would.
      window.scrollBy(0, 40 * direction);
      if (window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 10) direction = -1;
      if (window.scrollY <= 0) direction = 1;
      if (performance.now() - start < ${measureMs}) requestAnimationFrame(frame);
      else resolve();
    }
    requestAnimationFrame(frame);
  });
  const elapsed = performance.now() - start;
  return {
    fps: (frames / elapsed) * 1000,
    longTaskMs: window.__longTasks.reduce((sum, duration) => sum + duration, 0),
    longTasks: window.__longTasks.length,
    rowsInDom: document.querySelectorAll('tbody tr[data-flight-id]').length,
    rowsOnBoard: Number((/(\\d+) flights/.exec(document.body.innerText) || [])[1] || 0),
  };
})()`;

async function main() {
  const server = await startServer(
    { SIMULATOR: 'on', SIMULATOR_FLIGHTS: String(FLIGHTS), SIMULATOR_TICK_MS: String(TICK_MS), SIMULATOR_SPEED: SPEED },
    { kind: SERVER_KIND },
  );
  const browser = await chromium.launch({
    executablePath: ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: process.env.BENCH_REDUCED_MOTION === '1' ? 'reduce' : 'no-preference' });
    await page.addInitScript(`
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    `);
    const started = performance.now();
    await page.goto(`${server.url}/flights`, { waitUntil: 'commit' });
    await page.locator('tbody tr[data-flight-id]').first().waitFor();
    const firstRowsMs = performance.now() - started;
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await page.waitForTimeout(1000);

    const publishedBefore = await readMetric(server, 'skyboard_events_published_total');
    const result = (await page.evaluate(measureInPage(MEASURE_MS))) as {
      fps: number;
      longTaskMs: number;
      longTasks: number;
      rowsInDom: number;
      rowsOnBoard: number;
    };

    const updatesPerSecond = ((await readMetric(server, 'skyboard_events_published_total')) - publishedBefore) / (MEASURE_MS / 1000);
    const report = { date: new Date().toISOString(), flights: FLIGHTS, speed: SPEED, updatesPerSecond, measureMs: MEASURE_MS, firstRowsMs, ...result };
    console.table({
      'updates per second (measured)': report.updatesPerSecond.toFixed(0),
      'frames per second': report.fps.toFixed(1),
      'long-task time in 5 s (ms)': report.longTaskMs.toFixed(0),
      'long tasks': report.longTasks,
      'rows in the DOM': report.rowsInDom,
      'rows on the board (this tab)': report.rowsOnBoard,
      'time to first rows (ms)': report.firstRowsMs.toFixed(0),
    });
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/render.json', JSON.stringify(report, null, 2));
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main();
