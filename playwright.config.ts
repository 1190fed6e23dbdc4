import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${PORT}`;

// Playwright cannot download its browser here: use Debian's Chromium when it is installed.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));
const executablePath = process.env.CHROMIUM_PATH ?? systemChromium;

/** The token the e2e server accepts for writes; test-only, never a real secret. */
export const E2E_API_TOKEN = 'e2e-token-0123456789abcdef';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Specs read the server's client count, so they run one at a time against one server.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Playwright turns the back/forward cache off; a user's browser has it, and the board must work with it.
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // What `npm start` runs (the build `npm test` has just made is current, so it starts at once).
    command: 'node lib/cli/start.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(PORT),
      HOSTNAME: '127.0.0.1',
      SIMULATOR: 'on',
      SIMULATOR_TICK_MS: '250',
      // A board hour a minute: the simulated board changes several times a second.
      SIMULATOR_SPEED: '60',
      SIMULATOR_FLIGHTS: '30',
      API_TOKEN: E2E_API_TOKEN,
      DATABASE_PATH: ':memory:',
      // Empty means unset: CI's REDIS_URL is for the Redis tests, not this server.
      REDIS_URL: '',
    },
  },
});
