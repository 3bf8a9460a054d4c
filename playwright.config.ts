import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import NODE_FLAGS from './scripts/node-flags.json' with { type: 'json' };
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/support/browser.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, E2E_DEMO_PORT, E2E_JOURNEY_PORT, E2E_PORT } from './e2e/support/env.js';

const PORT = E2E_PORT;

// This file is read by the runner and again by each worker; only the runner (which has not set
// CHAINCHIEF_E2E_DATA_DIR yet) builds the app and makes the fresh data folder.
if (!process.env.CHAINCHIEF_E2E_DATA_DIR) {
  // The web server starts before any globalSetup would run, and it serves dist/web only if present
  // at start, so the build (skipped when up to date, e.g. after `npm run build`) happens here.
  const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('web build failed; see the messages above');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainchief-e2e-'));
  const demoDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainchief-e2e-demo-'));
  const journeyDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainchief-e2e-journey-'));
  process.env.CHAINCHIEF_E2E_DATA_DIR = dataDir;
  process.env.CHAINCHIEF_E2E_DEMO_DATA_DIR = demoDataDir;
  process.env.CHAINCHIEF_E2E_JOURNEY_DATA_DIR = journeyDataDir;
  // The runner exits after it has stopped the servers, so the databases are closed by then.
  process.on('exit', () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(demoDataDir, { recursive: true, force: true });
    fs.rmSync(journeyDataDir, { recursive: true, force: true });
  });
}

/** The server command and settings the servers share. */
const serverBase = {
  // The compiled server with its heap settings, as `npm start` runs it (built above; scripts/build.mjs).
  command: ['node', ...NODE_FLAGS, 'dist/server/main.mjs'].join(' '),
  reuseExistingServer: false,
  // The demo server seeds ~1,500 firms and five years of months on its first start.
  timeout: 180_000,
  // SIGTERM lets the server close its embedded database cleanly (the default would be SIGKILL).
  gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  stdout: 'ignore',
  stderr: 'pipe',
} as const;
const serverEnv = {
  ADMIN_PASSWORD,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  // Every test logs in; the per-minute login limit is tested in the API suite, not here.
  LOGIN_RATE_LIMIT: '1000',
  LOGIN_IP_RATE_LIMIT: '1000',
  DATABASE_URL: '',
};

/** One compiled server on `port`, on its own data folder (none given: a fresh temporary one). */
function server(port: number, dataDir: string | undefined, env: Record<string, string>) {
  return {
    ...serverBase,
    url: `http://localhost:${port}/api/health`,
    env: { ...serverEnv, PORT: String(port), DATA_DIR: dataDir ?? '', ...env },
  };
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  // CI: a failed test runs once more, so the report tells a flaky test (flagged, and still failing
  // the run) from a broken one; locally a failure stops at the first attempt.
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: Boolean(process.env.CI),
  forbidOnly: Boolean(process.env.CI),
  // CI_RESULTS_DIR (set by .ci/run) keeps a JUnit file and the HTML report, which opens the traces.
  reporter: process.env.CI_RESULTS_DIR
    ? [
        ['list'],
        ['junit', { outputFile: path.join(process.env.CI_RESULTS_DIR, 'e2e-junit.xml') }],
        ['html', { outputFolder: path.join(process.env.CI_RESULTS_DIR, 'e2e-report'), open: 'never' }],
      ]
    : 'list',
  // A test is a user's whole errand (open, fill, save, check the map, delete…): on the 2-core CI
  // machine, with Chromium and two servers sharing it, the longest took ~30 s, so each has 60 s.
  // Every single step still waits at most `expect.timeout`.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    locale: 'zh-CN',
    // The browser is in UTC, so a date shown in Beijing time proves the app converts it itself.
    timezoneId: 'UTC',
    // Every attempt is recorded and a failed one's trace kept: the first failure's own trace, and on
    // CI the retry's too when it fails again ('on-first-retry' would keep only the retry's, and none
    // at all of a flake that passes on retry, the case worth reading).
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    // Most tests: reference master data only; each test makes the firms and figures it reads.
    server(PORT, process.env.CHAINCHIEF_E2E_DATA_DIR, { SEED_DEMO: 'false' }),
    // The Hengyang demo data (e2e/demo-*.spec.ts, read-only there): the published figures on screen.
    server(E2E_DEMO_PORT, process.env.CHAINCHIEF_E2E_DEMO_DATA_DIR, { SEED_DEMO: 'true', DEMO_PASSWORD }),
    // Reference data only, for the review-and-publication journey (e2e/journey-*.spec.ts): publishing
    // moves every user's default month, so no other test reads this server. It starts in seconds.
    server(E2E_JOURNEY_PORT, process.env.CHAINCHIEF_E2E_JOURNEY_DATA_DIR, { SEED_DEMO: 'false' }),
  ],
});
