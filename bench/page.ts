// What a passenger's phone gets: Lighthouse (mobile, its default throttling) on the board as a
// production build serves it. `npm run bench:page` builds first; it is a benchmark, not a test.
import { execFileSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from '../e2e/support/server';

const PAGES = ['/flights', '/flights?display=wall', '/display/gate/A1'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
const ms = (value: number) => `${(value / 1000).toFixed(1)} s`;

async function audit(url: string, port: number) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
  const { audits, categories } = result!.lhr;
  const score = (name: string) => Math.round((categories[name]?.score ?? 0) * 100);
  const savings = (name: string) => kib((audits[name]?.details as { overallSavingsBytes?: number } | undefined)?.overallSavingsBytes ?? 0);
  return {
    page: new URL(url).pathname + new URL(url).search,
    performance: score('performance'),
    'largest contentful paint': ms(audits['largest-contentful-paint']!.numericValue!),
    'total blocking time': `${Math.round(audits['total-blocking-time']!.numericValue!)} ms`,
    'bytes on the wire': kib(audits['total-byte-weight']!.numericValue!),
    'text compression to save': savings('uses-text-compression'),
    'unused JavaScript': savings('unused-javascript'),
    'back/forward cache': audits['bf-cache']?.score === 1 ? 'restored' : `refused (${audits['bf-cache']?.displayValue ?? 'see report'})`,
    accessibility: score('accessibility'),
    'best practices': score('best-practices'),
    SEO: score('seo'),
  };
}

async function main() {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const server = await startServer({ SIMULATOR: 'on' });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const rows = [];
    for (const page of PAGES) rows.push(await audit(`${server.url}${page}`, chrome.port));
    console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile, default throttling:`);
    console.table(rows);
  } finally {
    chrome.kill();
    await server.stop();
  }
}

void main();
