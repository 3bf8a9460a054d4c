/**
 * The 驾驶舱 (home page `/` of demo-leader) first screen in a real browser, for `npm run bench`
 * (measurements, never asserted). Time from navigation start (performance.timeOrigin) to "first screen
 * complete": the headline card `headline-total` is visible with a number in it and the three chain
 * charts (`chart-output`, `chart-growth`, `chart-contribution`) have painted their canvas (pixels drawn;
 * ECharts' 1 s grow-in animation then continues). Checked in the page on every animation frame.
 * Cold: each load in a fresh browser context (empty HTTP cache). Warm: every load in one context after
 * a first load (hashed assets are served immutable, so the browser takes them from its cache).
 * Standalone: `node --import tsx scripts/bench-dashboard.ts http://127.0.0.1:PORT demo-leader PASSWORD`.
 */
import { STATISTICS_TIME_ZONE } from '../shared/stats/period.js';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS } from '../e2e/support/browser.js';
import { percentile } from './bench-server.js';

const LOADS = 10;

type Resource = {
  name: string;
  initiatorType: string;
  startTime: number;
  responseEnd: number;
  transferSize: number;
  encodedBodySize: number;
};
type Load = { firstScreenMs: number; domContentLoadedMs: number; resources: Resource[]; cpu: Record<string, number> };
/** Chromium's main-thread time (CDP Performance.getMetrics, seconds → ms) up to the first screen. */
const CPU_METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;

// The few DOM types the in-page checks use (the scripts compile without the DOM library; the page's
// Content-Security-Policy forbids evaluating strings, so the checks are functions).
type PageCanvas = {
  width: number;
  height: number;
  getContext: (kind: '2d') => { getImageData: (x: number, y: number, w: number, h: number) => { data: { buffer: ArrayBuffer } } } | null;
};
type PageElement = {
  textContent: string | null;
  getBoundingClientRect: () => { width: number; height: number };
  querySelector: (selector: string) => PageElement | null;
};
type PageDocument = { querySelector: (selector: string) => (PageElement & PageCanvas) | null };

/** In the page: ms since navigation start once the first screen is complete, else false. */
function firstScreenComplete(): number | false {
  const doc = (globalThis as unknown as { document: PageDocument }).document;
  const total = doc.querySelector('[data-testid="headline-total"]');
  if (!total) return false;
  const box = total.getBoundingClientRect();
  const value = total.querySelector('.ant-statistic-content')?.textContent ?? '';
  if (box.width === 0 || box.height === 0 || !/\d/.test(value)) return false;
  for (const key of ['output', 'growth', 'contribution']) {
    const canvas = doc.querySelector(`[data-testid="chart-${key}"] canvas`);
    if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
    const context = canvas.getContext('2d');
    if (!context) return false;
    const pixels = new Uint32Array(context.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
    if (!pixels.some((p) => p !== 0)) return false;
  }
  return performance.now();
}

/** In the page: navigation timing and every request's timing. */
const PAGE_TIMING = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const pick = (r, type, start) => ({ name: r.name, initiatorType: type, startTime: start, responseEnd: r.responseEnd, transferSize: r.transferSize, encodedBodySize: r.encodedBodySize });
  return {
    domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : NaN,
    resources: [...(nav ? [pick(nav, 'navigation', 0)] : []), ...performance.getEntriesByType('resource').map((r) => pick(r, r.initiatorType, r.startTime))],
  };
})()`;

async function loadOnce(context: BrowserContext, base: string): Promise<Load> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(firstScreenComplete, undefined, { polling: 'raf', timeout: 30_000 });
    const firstScreenMs = (await handle.jsonValue()) as number;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const cpu = Object.fromEntries(CPU_METRICS.map((name) => [name, (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000]));
    // Let the rest of the page (tables, the 24-month trend) finish, so the next load starts on a quiet server.
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    const timing = (await page.evaluate(PAGE_TIMING)) as Pick<Load, 'domContentLoadedMs' | 'resources'>;
    return { firstScreenMs, cpu, ...timing };
  } finally {
    await page.close();
  }
}

function summary(label: string, loads: Load[]): string {
  const times = loads.map((l) => l.firstScreenMs).sort((a, b) => a - b);
  const dcl = loads.map((l) => l.domContentLoadedMs).sort((a, b) => a - b);
  const cpu = CPU_METRICS.map(
    (name) =>
      `${name.replace('Duration', '')} ${percentile(
        loads.map((l) => l.cpu[name] ?? NaN).sort((a, b) => a - b),
        50,
      ).toFixed(0)}`,
  ).join(', ');
  return (
    `${label}, ${loads.length} loads: median ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms (min ${times[0]?.toFixed(0)}, max ${times.at(-1)?.toFixed(0)}; ` +
    `DOMContentLoaded median ${percentile(dcl, 50).toFixed(0)} ms; renderer main thread busy until the first screen, medians in ms: ${cpu}) (target ≤ 1500 ms)`
  );
}

/** The load's requests in start order: start → end ms, bytes over the wire (0 = from cache), path. */
function waterfall(load: Load): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const lines = [...load.resources]
    .sort((a, b) => a.startTime - b.startTime)
    .map((r) => {
      const url = new URL(r.name);
      return `  ${r.startTime.toFixed(0).padStart(5)} → ${r.responseEnd.toFixed(0).padStart(5)} ms  ${kb(r.transferSize).padStart(7)} (body ${kb(r.encodedBodySize)})  ${url.pathname}${url.search}`;
    });
  const bytes = load.resources.reduce((sum, r) => sum + r.transferSize, 0);
  return [
    `  first screen complete at ${load.firstScreenMs.toFixed(0)} ms; ${load.resources.length} requests, ${kb(bytes)} transferred:`,
    ...lines,
  ].join('\n');
}

async function newLoggedInContext(browser: Browser, base: string, cookie: { name: string; value: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: STATISTICS_TIME_ZONE, viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ ...cookie, url: base }]);
  return context;
}

/**
 * Measures the 驾驶舱 first screen against a running server (production build of the SPA served by it).
 * Returns the lines to print.
 */
export async function benchDashboard(base: string, username: string, password: string): Promise<string[]> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const [pair = ''] = (login.headers.get('set-cookie') ?? '').split(';');
  const eq = pair.indexOf('=');
  const cookie = { name: pair.slice(0, eq), value: pair.slice(eq + 1) };

  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    // Warm-up (discarded): the server's statistics cache, the JIT, the browser process.
    const warmUp = await newLoggedInContext(browser, base, cookie);
    await loadOnce(warmUp, base);
    await warmUp.close();

    const cold: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await newLoggedInContext(browser, base, cookie);
      cold.push(await loadOnce(context, base));
      await context.close();
    }
    const context = await newLoggedInContext(browser, base, cookie);
    await loadOnce(context, base);
    const warm: Load[] = [];
    for (let i = 0; i < LOADS; i++) warm.push(await loadOnce(context, base));
    await context.close();

    const byTime = [...cold].sort((a, b) => a.firstScreenMs - b.firstScreenMs);
    const medianCold = byTime[Math.floor((byTime.length - 1) / 2)];
    const byTimeWarm = [...warm].sort((a, b) => a.firstScreenMs - b.firstScreenMs);
    const medianWarm = byTimeWarm[Math.floor((byTimeWarm.length - 1) / 2)];
    return [
      summary('驾驶舱 first screen (/ as demo-leader, headline numbers + 3 chain charts painted), cold browser cache', cold),
      summary('驾驶舱 first screen, warm browser cache (hashed assets from the cache)', warm),
      'the median cold load:',
      ...(medianCold ? [waterfall(medianCold)] : []),
      'the median warm load:',
      ...(medianWarm ? [waterfall(medianWarm)] : []),
    ];
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base = 'http://127.0.0.1:3000', username = 'demo-leader', password = ''] = process.argv.slice(2);
  for (const line of await benchDashboard(base, username, password)) console.log(line);
}
