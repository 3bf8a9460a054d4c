import { expect, test, type Page } from '@playwright/test';
import { E2E_DEMO_PORT } from './support/env.js';
import { logInToDemo } from './support/session.js';
import { bodyRows, cellUnder } from './support/table.js';

// The server with the Hengyang demo data (its 2025 assessment scored when seeded); these tests only read.
test.use({ baseURL: `http://localhost:${E2E_DEMO_PORT}` });

/** The demo leader opens 考核评估 and follows the link `name` in its list `list` (the runs, the schemes). */
async function openAsLeader(page: Page, list: 'assessment-runs' | 'assessment-schemes', name: string): Promise<void> {
  await logInToDemo(page, 'demo-leader');
  await page.goto('/supervision/assessment');
  await page.getByTestId(list).getByRole('link', { name }).click();
}

test('a leader opens the 2025 chain assessment and sees each chain ranked, its score and the method behind it', async ({ page }) => {
  await openAsLeader(page, 'assessment-runs', '链长制考核（示例）');

  const results = page.getByTestId('assessment-results-chain');
  await expect(bodyRows(results)).toHaveCount(15);
  const first = bodyRows(results).first();
  await expect(await cellUnder(results, first, '排名')).toHaveText('1');
  await expect(await cellUnder(results, first, '总分')).toHaveText(/^\d+(\.\d+)?$/);

  // The expanded row lists every indicator with its method and the published figures it was scored on.
  await first.getByRole('button', { name: '展开行' }).click();
  await expect(page.getByText('线性计分：0.0% 得 0 分，达到 10.0% 得满分 25 分，其间按比例')).toBeVisible();
  await expect(page.getByText(/期间 2025-01…2025-12；状态 已发布/).first()).toBeVisible();
});

test('the parks are ranked national and provincial apart', async ({ page }) => {
  await openAsLeader(page, 'assessment-runs', '五好园区考核（示例）');
  const national = page.getByTestId('assessment-results-national');
  await expect(bodyRows(national)).toHaveCount(2);
  await page.getByRole('tab', { name: '省级' }).click();
  const provincial = page.getByTestId('assessment-results-provincial');
  await expect(bodyRows(provincial)).toHaveCount(9);
  await expect(await cellUnder(provincial, bodyRows(provincial).first(), '排名')).toHaveText('1');
});

test('the scheme editor sums the weights as they change and will not save a sum other than 100', async ({ page }) => {
  await openAsLeader(page, 'assessment-schemes', '链长制考核（示例）');
  await expect(page.getByTestId('weight-sum')).toHaveText('权重合计 100');
  const weight = page.getByLabel('权重 产业链产值增长');
  await weight.fill('20');
  await expect(page.getByTestId('weight-sum')).toHaveText('权重合计 95，须为 100，保存前请调整');
  await expect(page.getByTestId('scheme-save')).toBeDisabled();
  await weight.fill('25');
  await expect(page.getByTestId('weight-sum')).toHaveText('权重合计 100');
  await expect(page.getByTestId('scheme-save')).toBeEnabled();
});
