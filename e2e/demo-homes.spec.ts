import { expect, test } from '@playwright/test';
import { E2E_DEMO_PORT } from './support/env.js';
import { logInToDemo } from './support/session.js';

// The server with the Hengyang demo data; these tests only read.
test.use({ baseURL: `http://localhost:${E2E_DEMO_PORT}` });

/**
 * What each demo account must find on its home's 待办 list (the demo's state: 2026-10 in review, the
 * CH02 meeting agenda, red tickets and tasks seeded in November 2026, which stay red after).
 */
const EXPECTED: { account: string; item: RegExp; keyFigures: boolean }[] = [
  { account: 'demo-leader', item: /件问题逾期（红灯）/, keyFigures: true },
  { account: 'demo-reviewer', item: /2026-10 月度数据待审核发布/, keyFigures: true },
  { account: 'demo-chief', item: /输变电装备产业链链长会议议题 1 项待研究/, keyFigures: true },
  { account: 'demo-office', item: /输变电装备产业链链长会议议题 1 项待研究/, keyFigures: true },
  { account: 'demo-dept', item: /件交办问题待办理/, keyFigures: false },
  { account: 'demo-park', item: /项督办任务待办理/, keyFigures: true },
  { account: 'demo-county', item: /件问题逾期（红灯）/, keyFigures: true },
];

for (const { account, item, keyFigures } of EXPECTED) {
  test(`${account}'s home starts with its 待办 list`, async ({ page }) => {
    await logInToDemo(page, account);
    const todos = page.getByTestId('home-todos');
    // The first home on a fresh server works out the month's 预警 lists for the city (cached after).
    await expect(todos.getByText('待办', { exact: true })).toBeVisible({ timeout: 30_000 });
    const link = todos.getByRole('link', { name: item });
    await expect(link).toBeVisible();
    await expect(page.getByTestId('home-key-figures')).toHaveCount(keyFigures ? 1 : 0);
    if (keyFigures) await expect(page.getByTestId('home-key-figures-meta')).toContainText('已发布');
    await expect(page.getByText('数据加载失败')).toHaveCount(0);
  });
}

test('the reviewer’s 2026-10 item opens the month’s review', async ({ page }) => {
  await logInToDemo(page, 'demo-reviewer');
  await page
    .getByTestId('home-todos')
    .getByRole('link', { name: /2026-10 月度数据待审核发布/ })
    .click();
  await expect(page).toHaveURL(/\/periods\?period=2026-10/);
  await expect(page.getByText('数据加载失败')).toHaveCount(0);
});

test('the enterprise home shows its own reporting, the 填报本月数据 and 反映问题 actions, and no error', async ({ page }) => {
  await logInToDemo(page, 'demo-enterprise');
  await expect(page.getByTestId('home-todos').getByText('待办', { exact: true })).toBeVisible();
  const status = page.getByTestId('home-enterprise');
  await expect(status).toContainText('本企业填报情况');
  await expect(status).toContainText('截止日期');
  await expect(status.getByTestId('home-recent-months').getByRole('row')).toHaveCount(7);
  await expect(page.getByTestId('home-file-ticket')).toBeVisible();
  await expect(page.getByText('数据加载失败')).toHaveCount(0);
  await status.getByTestId('home-report-month').click();
  await expect(page).toHaveURL(/\/figures\/\w+/);
  await expect(page.getByText('数据加载失败')).toHaveCount(0);
});
