import { expect, test, type Page } from '@playwright/test';
import { E2E_DEMO_PORT } from './support/env.js';
import { countNamed, exportExcel } from './support/excel.js';
import { logInToDemo } from './support/session.js';
import { bodyRows, cellUnder } from './support/table.js';

// The server with the Hengyang demo data; these tests only read.
test.use({ baseURL: `http://localhost:${E2E_DEMO_PORT}` });

/** Logs `account` in, opens the list at `path` and waits for its table's first page: full, 20 rows. */
async function openFullFirstPage(page: Page, account: string, path: string, tableTestId: string): Promise<void> {
  await logInToDemo(page, account);
  await page.goto(path);
  await expect(bodyRows(page.getByTestId(tableTestId))).toHaveCount(20);
}

test('the city leader sees the published Jan–Jun 2024 figures on the dashboard: 855.04亿元 and 4 double-digit chains', async ({ page }) => {
  test.slow();
  await logInToDemo(page, 'demo-leader');
  await expect(page.getByTestId('welcome-role')).toHaveText('市领导/总链长');
  const dashboard = page.getByTestId('leader-dashboard');
  await expect(dashboard).toBeVisible();

  // The month and range live in the address, so this is the view a leader would be sent.
  await page.goto('/?period=2024-06&range=ytd');
  await expect(dashboard).toContainText('2024年1–6月 累计');
  // The city's published figure (衡阳, 1–6月 2024): 855.04亿元 of chain output, 4 chains growing ≥ 10%.
  await expect(page.getByTestId('headline-total')).toContainText('855.04亿元');
  await expect(page.getByTestId('headline-double-digit')).toContainText('4 / 15 条');
  await expect(page.getByTestId('headline-yoy')).toContainText('同比增速（同口径）');
  await expect(page.getByTestId('figure-meta').first()).toContainText('2024年1–6月 累计 · 单位：亿元');

  // The four double-digit chains of chains.json's demoH1_2024, each at ≥ +10.0% in the chain table.
  const chains = page.getByTestId('drill-chains');
  for (const code of ['CH02', 'CH03', 'CH07', 'CH10']) {
    const row = chains.getByRole('row').filter({ has: page.getByTestId(`drill-chains-open-${code}`) });
    // Two or more digits before the point: +10.0% or more.
    await expect(await cellUnder(chains, row, '同口径增速'), code).toHaveText(/^\+\d{2,}\.\d%$/);
  }

  // The other measures of the same chains: 营业收入, 利润总额, 税金总额, 用电量 with growth, 从业人员.
  await page.getByTestId('drill-chains-view').getByText('其他指标').click();
  await expect(chains.getByRole('columnheader', { name: '营业收入（亿元）' })).toBeVisible();
  const ch02 = chains.getByRole('row').filter({ has: page.getByTestId('drill-chains-open-CH02') });
  // The demo's firms report revenue every month: more than 0.00.
  await expect(await cellUnder(chains, ch02, '营业收入（亿元）')).toHaveText(/^(?!0\.00$)[\d,]+\.\d{2}$/);
  await expect(page.getByTestId('figure-meta').filter({ hasText: '用电量 万千瓦时' }).first()).toBeVisible();
});

test('the leader’s dashboard opens on the latest published month (2026-09), marked as published', async ({ page }) => {
  test.slow();
  await logInToDemo(page, 'demo-leader');
  const dashboard = page.getByTestId('leader-dashboard');
  // October 2026 is still in review (its unit slip unsettled): the leader sees September, as published,
  // 累计 (the default range of the API, the CLI and the 驾驶舱), with the total the API gives for it.
  await expect(dashboard).toContainText('2026年1–9月 累计');
  const answer = await page.request.get('/api/monitoring/chains?period=2026-09&range=ytd');
  expect(answer.ok()).toBe(true);
  const { total } = (await answer.json()) as { total: { output: number } };
  const yi = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    Math.round(total.output / 1_000_000) / 100,
  );
  await expect(page.getByTestId('headline-total')).toContainText(`${yi}亿元`);
  await expect(page.getByTestId('publication-status')).toContainText('已发布');
  await expect(page.getByTestId('publication-coverage')).toContainText('已报');
  await expect(page.getByTestId('headline-unit-slip')).toHaveCount(0);
  // The menu has no review page for a leader without the reviewer permission.
  await expect(page.getByTestId('nav-periods')).toHaveCount(0);
});

test('the reviewer opens October 2026 as preliminary: the suspected unit slip is held back, with the way to the firm', async ({ page }) => {
  test.slow();
  await logInToDemo(page, 'demo-reviewer');
  await page.goto('/?period=2026-10&range=month');
  const dashboard = page.getByTestId('leader-dashboard');
  await expect(dashboard).toContainText('2026年10月 当月');
  await expect(page.getByTestId('publication-status')).toContainText('初步数据');
  // The planted slip (a firm's output typed in 元 as 万元) and any swing under review are left out of the totals.
  await expect(page.getByTestId('publication-held-back')).toContainText('家企业');
  const alert = page.getByTestId('headline-unit-slip');
  await expect(alert).toContainText('2026年10月有 1 家企业的当月产值疑似单位错误');
  await alert.getByRole('button', { name: '查看疑似单位错误' }).click();
  await expect(page).toHaveURL(/\/warnings\?period=2026-10&kind=unit_slip$/);
  await expect(page.getByTestId('warnings-tab-unit_slip')).toHaveText('疑似单位错误 (1)');
  const table = page.getByTestId('warnings-table');
  await expect(table.getByTestId('warning-explain')).toHaveCount(1);
  await expect(table.getByTestId('warning-explain')).toContainText('倍');
  await expect(table.getByText('未处理')).toBeVisible();
  await table.locator('a[data-testid^="warning-firm-"]').click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9A-Z]{18}$/);
});

test('a 预警 list longer than its page exports every firm to Excel, not just the page shown', async ({ page }) => {
  test.slow();
  // October 2026 is not published: a data-staff account (the reviewer) opens it.
  await openFullFirstPage(page, 'demo-reviewer', '/warnings?period=2026-10', 'warnings-table');
  // The 全部 tab names the count of the month's list: more than the 20 rows of a page.
  const allTab = page.getByRole('tab', { name: /^全部 \(/ });
  const countOf = countNamed(allTab, /\(([\d,]+)\)/);
  await expect.poll(countOf).toBeGreaterThan(20);
  const total = await countOf();

  const { workbook } = await exportExcel(page);
  // The title row, the period row, the header row and one row per firm of the list.
  expect(workbook.worksheets[0]?.rowCount).toBe(total + 3);
});

test('the firm list exports every firm in the leader’s view to Excel, not just the page shown', async ({ page }) => {
  test.slow();
  await openFullFirstPage(page, 'demo-leader', '/enterprises', 'enterprises-table');
  // The pager names the count: the demo's ~1,500 firms, more than one 500-row request of the export.
  const pagerTotal = page.getByText(/^共 [\d,]+ 条$/);
  const countOf = countNamed(pagerTotal, /共 ([\d,]+) 条/);
  await expect.poll(countOf).toBeGreaterThan(1_000);
  const total = await countOf();

  const { workbook } = await exportExcel(page);
  const sheet = workbook.worksheets[0];
  // The title row, the period row, the header row and one row per firm, each with its 18-character code.
  expect(sheet?.getRow(1).getCell(1).value).toBe('企业名录');
  expect(sheet?.rowCount).toBe(total + 3);
  const codes = new Set<string>();
  sheet?.eachRow((row, n) => {
    if (n > 3) codes.add(String(row.getCell(2).value));
  });
  expect(codes.size).toBe(total);
});
