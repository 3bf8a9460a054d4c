import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_USERNAME, DEMO_PASSWORD, E2E_DEMO_PORT } from './support/env.js';
import { loginByForm } from './support/session.js';

// The server with the Hengyang demo data and its accounts (README); these tests only read.
test.use({ baseURL: `http://localhost:${E2E_DEMO_PORT}` });

const SUPERVISION = '督查考核';
const ADMIN = '系统管理';
const BRIEFS = '月度简报';

/** Items every role has: the start page and what the policies open to all (each row is scoped). */
const HEAD = ['首页'];
const CITY = ['驾驶舱', '产业链', '企业', '预警', '数据填报'];
const WORK = ['招商引资', '重大项目', '园区', '区域', '产业', '问题交办'];

/**
 * Each account's menu, in order, from the access table (shared/modules.ts): a group's title is followed
 * by its items. 预警 and 驾驶舱 are not the enterprise's; 数据审核/发布 is the data staff's (admin, 链办,
 * 统计审核员); 督办任务 is not the county's and 考核 not the department's; 月度简报 not the park's, the department's
 * or the enterprise's; 系统管理 is the admin's.
 */
const ACCOUNTS: { username: string; password: string; menu: string[] }[] = [
  {
    username: ADMIN_USERNAME,
    password: ADMIN_PASSWORD,
    menu: [
      ...HEAD,
      ...CITY,
      '数据审核/发布',
      ...WORK,
      SUPERVISION,
      '督办任务',
      '考核',
      BRIEFS,
      ADMIN,
      '用户管理',
      '操作日志',
      '工作日历',
      '简报模板',
    ],
  },
  { username: 'demo-leader', password: DEMO_PASSWORD, menu: [...HEAD, ...CITY, ...WORK, SUPERVISION, '督办任务', '考核', BRIEFS] },
  {
    username: 'demo-reviewer',
    password: DEMO_PASSWORD,
    menu: [...HEAD, ...CITY, '数据审核/发布', ...WORK, SUPERVISION, '督办任务', '考核', BRIEFS],
  },
  { username: 'demo-chief', password: DEMO_PASSWORD, menu: [...HEAD, ...CITY, ...WORK, SUPERVISION, '督办任务', '考核', BRIEFS] },
  {
    username: 'demo-office',
    password: DEMO_PASSWORD,
    menu: [...HEAD, ...CITY, '数据审核/发布', ...WORK, SUPERVISION, '督办任务', '考核', BRIEFS],
  },
  { username: 'demo-dept', password: DEMO_PASSWORD, menu: [...HEAD, ...CITY, ...WORK, SUPERVISION, '督办任务'] },
  { username: 'demo-park', password: DEMO_PASSWORD, menu: [...HEAD, ...CITY, ...WORK, SUPERVISION, '督办任务', '考核'] },
  { username: 'demo-county', password: DEMO_PASSWORD, menu: [...HEAD, ...CITY, ...WORK, SUPERVISION, '考核', BRIEFS] },
  {
    username: 'demo-enterprise',
    password: DEMO_PASSWORD,
    menu: [...HEAD, '产业链', '企业', '数据填报', '园区', '区域', '产业', '问题交办'],
  },
];

const PHONE = { width: 390, height: 844 };

/**
 * Every console error and uncaught exception of the page from now on, with the address it happened on.
 * Called once logged in: the login page asks who is logged in, and the server's 401 to a visitor
 * without a session (by design) is logged by the browser as a failed resource.
 */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

/**
 * Waits until the page has drawn: the main region has content and the page's code and the session have
 * loaded (no 加载中 spinner). Its data may still be loading; the width is polled until it fits.
 */
async function waitForPage(page: Page): Promise<void> {
  const main = page.getByRole('main');
  await expect(main).not.toBeEmpty();
  await expect(main.getByText('加载中…', { exact: true })).toHaveCount(0);
}

/** Opens the menu group if it is closed, so its items are in the page. */
async function openGroup(container: Locator, group: string): Promise<void> {
  const title = container.getByRole('menuitem').filter({ hasText: new RegExp(`^${group}$`) });
  if ((await title.getAttribute('aria-expanded')) !== 'true') await title.click();
  await expect(title).toHaveAttribute('aria-expanded', 'true');
}

const GROUPS = [SUPERVISION, ADMIN];

for (const account of ACCOUNTS) {
  test(`${account.username}: the menu holds what the role may open, and no page overflows a phone`, async ({ page }) => {
    // One login, then every page of the menu (up to 15) in the same tab: on the 2-core machine that is
    // up to a minute, beyond the default 60 s a single errand gets.
    test.setTimeout(150_000);
    await page.goto('/login');
    await loginByForm(page, account.username, account.password);
    await expect(page).not.toHaveURL(/\/login/);
    const errors = collectErrors(page);
    await waitForPage(page);

    const menu = page.getByTestId('side-menu');
    for (const group of GROUPS.filter((g) => account.menu.includes(g))) await openGroup(menu, group);
    await expect(menu.getByRole('menuitem')).toHaveText(account.menu);

    // On a phone: the menu is a drawer behind the header's button, and no page is wider than the screen.
    await page.setViewportSize(PHONE);
    await expect(page.getByTestId('menu-button')).toBeVisible();
    await expect(page.getByTestId('side-menu')).toHaveCount(0);
    await expect(page.getByTestId('app-title')).toHaveText('链长通');
    let group: string | null = null;
    for (const label of account.menu) {
      if (GROUPS.includes(label)) {
        group = label;
        continue;
      }
      await page.getByTestId('menu-button').click();
      const drawer = page.getByRole('dialog');
      if (group !== null) await openGroup(drawer, group);
      const link = drawer.getByRole('link', { name: label, exact: true });
      const href = (await link.getAttribute('href')) ?? '';
      await link.click();
      await expect(drawer).toBeHidden();
      // The page of the item (or where it sends this role: an enterprise's 数据填报 opens its own months).
      await expect(page).toHaveURL((url) => url.pathname.startsWith(href));
      await waitForPage(page);
      await expect
        .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), { message: `${label} is wider than the phone` })
        .toBeLessThanOrEqual(PHONE.width);
    }
    // The title stays on one line: no taller than the header's line.
    await expect.poll(async () => (await page.getByTestId('app-title').boundingBox())?.height ?? 0).toBeLessThan(40);

    expect(errors).toEqual([]);
  });
}

test('the 驾驶舱 holds the headline, the chain ranking and the trend on the first screen of 1440×900', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/login');
  await loginByForm(page, 'demo-leader', DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  const errors = collectErrors(page);
  await page.getByTestId('nav-monitoring').click();
  await expect(page).toHaveURL('/monitoring');
  for (const testId of ['headline-total', 'chain-ranking', 'chart-trend']) {
    const part = page.getByTestId(testId);
    await expect(part).toBeVisible();
    await expect.poll(async () => (await part.boundingBox())?.y ?? Infinity, { message: testId }).toBeGreaterThan(0);
    await expect
      .poll(
        async () => {
          const box = await part.boundingBox();
          return box === null ? Infinity : box.y + box.height;
        },
        { message: `${testId} ends on the first screen` },
      )
      .toBeLessThanOrEqual(900);
  }
  // The ranking shows one measure at a time: 增速 replaces 产值.
  await page.getByTestId('chain-ranking-by').getByText('增速', { exact: true }).click();
  await expect(page.getByTestId('chart-growth')).toBeVisible();
  await expect(page.getByTestId('chart-output')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the enterprise gets one clear message on a page it may not open, and an unknown address is not found', async ({ page }) => {
  await page.goto('/login');
  await loginByForm(page, 'demo-enterprise', DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/warnings');
  await expect(page.getByTestId('no-access')).toContainText('无权访问');
  await expect(page.getByRole('button', { name: '重试' })).toHaveCount(0);
  await expect(page.getByTestId('warnings-empty')).toHaveCount(0);
  await expect(page.getByTestId('warnings-table')).toHaveCount(0);

  await page.goto('/no-such-module');
  await expect(page.getByText('404', { exact: true })).toBeVisible();
});
