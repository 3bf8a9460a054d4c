// `npm run screenshots`: each role's home page at 1440×900 and 390×844, saved as
// docs/screenshots/<role>-1440.png and <role>-390.png (the first screen only, as a person sees it).
// Builds the app when needed, starts the compiled server on a fresh data dir with the Hengyang demo,
// logs in as each demo account and as admin, waits for the home's 待办 list, and stops the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../e2e/support/browser.js';
import { withServer } from './bench-server.js';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'docs', 'screenshots');
const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3190);
const ADMIN_PASSWORD = 'screenshots-admin-pass';
const DEMO_PASSWORD = 'screenshots-demo-pass';

/** Each file's role name and the account that shows it. */
const ACCOUNTS: { role: string; username: string; password: string }[] = [
  { role: 'admin', username: 'admin', password: ADMIN_PASSWORD },
  ...['leader', 'reviewer', 'chief', 'office', 'dept', 'park', 'county', 'enterprise'].map((role) => ({
    role,
    username: `demo-${role}`,
    password: DEMO_PASSWORD,
  })),
];
const VIEWPORTS = [
  { name: '1440', width: 1440, height: 900 },
  { name: '390', width: 390, height: 844 },
];

async function shoot(browser: Browser, base: string, account: (typeof ACCOUNTS)[number]): Promise<void> {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({
      baseURL: base,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: viewport.width, height: viewport.height },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const login = await page.request.post('/api/auth/login', { data: { username: account.username, password: account.password } });
    if (!login.ok()) throw new Error(`login as ${account.username} failed: ${login.status()} ${await login.text()}`);
    await page.goto('/');
    await page.getByTestId('home-todos').waitFor({ state: 'visible', timeout: 60_000 });
    // The cockpit's charts load after the list: wait until no request is pending, then for the animations.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_000);
    const file = path.join(outDir, `${account.role}-${viewport.name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(`saved ${path.relative(root, file)}`);
    await context.close();
  }
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed; see the messages above');
  fs.mkdirSync(outDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainchief-screenshots-'));
  try {
    const env = {
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      ADMIN_PASSWORD,
      DEMO_PASSWORD,
      LOGIN_RATE_LIMIT: '1000',
      LOGIN_IP_RATE_LIMIT: '1000',
    };
    await withServer(
      dataDir,
      PORT,
      env,
      async (base) => {
        const browser = await chromium.launch({ ...CHROMIUM_LAUNCH_OPTIONS, headless: true });
        try {
          for (const account of ACCOUNTS) await shoot(browser, base, account);
        } finally {
          await browser.close();
        }
      },
      600_000,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
