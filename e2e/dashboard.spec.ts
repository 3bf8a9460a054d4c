import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { pickOption } from './support/antd.js';
import { createFirmByApi, loginByApi } from './support/session.js';
import { bodyRows, escapeRegExp } from './support/table.js';

/** 衡东县: no other spec puts a firm there, so the county drill-down holds only this spec's firms. */
const DASHBOARD_COUNTY = '430424';

type Firm = { uscc: string; name: string; ytd: number[]; prevYtd: number[] };
const PERIODS = ['2024年1-2月', '2024年3月', '2024年4月', '2024年5月', '2024年6月'];

/**
 * The statistician's file: a title row above the header, 万元 in the headers, and only 累计 columns
 * (本年累计 and 上年同期累计), one row per firm and month, January–February as one 1–2月 row.
 */
async function cumulativeWorkbook(firms: readonly Firm[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('1-6月');
  sheet.addRow(['衡阳市规模以上工业企业主要经济指标（2024年1-6月）']);
  sheet.addRow(['统一社会信用代码', '企业名称', '期别', '工业总产值(本年累计,万元)', '工业总产值(上年同期累计,万元)']);
  for (const firm of firms) {
    PERIODS.forEach((period, i) => sheet.addRow([firm.uscc, firm.name, period, firm.ytd[i], firm.prevYtd[i]]));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('a statistician imports a 累计-only xlsx, and the dashboard shows it for June 2024 and drills chain → node → firm', async ({
  page,
}) => {
  // Four screens, an upload and two charts: give a loaded 2-core machine the room it needs.
  test.slow();
  const admin = await loginByApi(page.request);
  const suffix = crypto.randomInt(1000, 9999);
  const bigName = `驾驶舱测试甲电气有限公司${suffix}`;
  const smallName = `驾驶舱测试乙电气有限公司${suffix}`;
  // 当月 in 万元 — 甲: 1–2月 20,000, then 10,000 in March–May and 12,000 in June; a year earlier
  // 18,000 then 9,000 a month. 乙: 10,000, then 5,000 a month and 5,300 in June; a year earlier 10,000
  // then 5,000 a month. The file carries only the running totals of both.
  const big: Firm = {
    uscc: await createFirmByApi(page.request, admin.csrfToken, { name: bigName, regionCode: DASHBOARD_COUNTY }),
    name: bigName,
    ytd: [20_000, 30_000, 40_000, 50_000, 62_000],
    prevYtd: [18_000, 27_000, 36_000, 45_000, 54_000],
  };
  const small: Firm = {
    uscc: await createFirmByApi(page.request, admin.csrfToken, { name: smallName, regionCode: DASHBOARD_COUNTY }),
    name: smallName,
    ytd: [10_000, 15_000, 20_000, 25_000, 30_300],
    prevYtd: [10_000, 15_000, 20_000, 25_000, 30_000],
  };

  // Import on the import screen.
  await page.goto('/figures');
  await page.locator('input[type=file]').setInputFiles({
    name: '2024年1-6月规上工业.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await cumulativeWorkbook([big, small]),
  });
  await page.getByTestId('figures-submit').click();
  const result = page.getByTestId('figures-result');
  // Five months per firm: February holds the combined 1–2月 and January a marked 0, so 12 rows are written.
  await expect(result).toContainText('导入完成：新增 12 条，更新 0 条，未变化 0 条');
  await expect(result).toContainText('表头在第 2 行');

  // The dashboard opens on the latest month with figures (no other spec before this one imports a
  // later month) as 累计, the range the API and the CLI default to: 1–6月 62,000 + 30,300 = 92,300
  // 万元 = 9.23 亿元, against 54,000 + 30,000 = 84,000 → +9.9%.
  await page.goto('/');
  const dashboard = page.getByTestId('leader-dashboard');
  await expect(dashboard).toContainText('2024年1–6月 累计');
  await expect(page.getByTestId('headline-total')).toContainText('9.23亿元');
  await expect(page.getByTestId('headline-yoy')).toContainText('+9.9%');
  await dashboard.getByText('当月', { exact: true }).click();
  await expect(page).toHaveURL(/range=month/);
  await expect(dashboard).toContainText('2024年6月 当月');

  // Pick a month from the list: type to filter, then click the option (Enter could take the
  // option that was active before the list had filtered).
  // The list filters on the month's value and names it as the dashboard does; January–February is one entry, 1–2月.
  const pickMonth = async (month: string, label = `${month.slice(0, 4)}年${Number(month.slice(5))}月`) => {
    await pickOption(page, page.getByTestId('dashboard-period'), month, label);
    await expect(page).toHaveURL(new RegExp(`period=${month}`));
  };
  // May: 10,000 + 5,000 = 15,000 万元 = 1.50 亿元, against 9,000 + 5,000 = 14,000 → +7.1%.
  await pickMonth('2024-05');
  await expect(dashboard).toContainText('2024年5月 当月');
  await expect(page.getByTestId('headline-total')).toContainText('1.50亿元');
  await expect(page.getByTestId('headline-yoy')).toContainText('+7.1%');
  await pickMonth('2024-06');
  await expect(dashboard).toContainText('2024年6月 当月');

  // June: 12,000 + 5,300 = 17,300 万元 = 1.73 亿元, against 9,000 + 5,000 = 14,000 → +23.6%.
  await expect(page.getByTestId('headline-total')).toContainText('1.73亿元');
  await expect(page.getByTestId('headline-yoy')).toContainText('+23.6%');
  await expect(page.getByTestId('figure-meta').first()).toContainText('2024年6月 当月');

  // 1–6月 累计: 62,000 + 30,300 = 92,300 万元 = 9.23 亿元, against 54,000 + 30,000 = 84,000 → +9.9%.
  await dashboard.getByText('累计', { exact: true }).click();
  await expect(page).toHaveURL(/range=ytd/);
  await expect(page.getByTestId('headline-total')).toContainText('9.23亿元');
  await expect(page.getByTestId('headline-yoy')).toContainText('+9.9%');

  // January and February are one period, 1–2月: 20,000 + 10,000 = 30,000 万元 = 3.00 亿元, against
  // 18,000 + 10,000 = 28,000 → +7.1% (the file's combined 1–2月 row, stored in February).
  // The picker lists January and February as one entry, 2024年1–2月 (the period is February's).
  await pickMonth('2024-02', '2024年1–2月');
  await expect(dashboard).toContainText('2024年1–2月');
  await expect(page.getByTestId('headline-total')).toContainText('3.00亿元');
  await expect(page.getByTestId('headline-yoy')).toContainText('+7.1%');
  await pickMonth('2024-06');
  await expect(page.getByTestId('headline-total')).toContainText('9.23亿元');

  // Drill down: the chain, its node, then the firm's page.
  await page.getByTestId('drill-chains-open-CH02').click();
  const nodes = page.getByTestId('drill-nodes');
  await expect(nodes).toBeVisible();
  await nodes
    .getByRole('row', { name: /变压器/ })
    .locator('a[data-testid^="drill-nodes-open-"]')
    .click();
  const ranking = page.getByTestId('ranking-table');
  // Largest output first. Other specs on this server add firms to the same city-wide node (without
  // 2024 figures), so only this test's two firms are compared, in their order.
  const ours = new RegExp(`${escapeRegExp(bigName)}|${escapeRegExp(smallName)}`);
  await expect(bodyRows(ranking).filter({ hasText: ours })).toHaveText([
    new RegExp(escapeRegExp(bigName)),
    new RegExp(escapeRegExp(smallName)),
  ]);

  // The county view drills the same way, within the county: 衡东县 → its chains → the node → its firms.
  await page.getByTestId(`breakdown-region-open-${DASHBOARD_COUNTY}`).click();
  await expect(page.getByText('衡东县：各产业链')).toBeVisible();
  // Only the chains with a firm in the county: here CH02, with both firms' 9.23 亿元.
  const areaChains = page.getByTestId('area-drill-chains');
  await expect(bodyRows(areaChains)).toHaveText([/^输变电装备产业链9\.23/]);
  await page.getByTestId('area-drill-chains-open-CH02').click();
  await page
    .getByTestId('area-drill-nodes')
    .getByRole('row', { name: /变压器/ })
    .locator('a[data-testid^="area-drill-nodes-open-"]')
    .click();
  const areaRanking = page.getByTestId('area-drill-ranking-table');
  await expect(bodyRows(areaRanking)).toHaveText([new RegExp(escapeRegExp(bigName)), new RegExp(escapeRegExp(smallName))]);
  await page.getByTestId('area-drill-back').click();
  await page.getByTestId('area-drill-back').click();
  await page.getByTestId('area-drill-close').click();
  await expect(page.getByTestId('breakdown-park')).toBeVisible();

  await page.getByTestId(`ranking-firm-${big.uscc}`).click();
  await expect(page).toHaveURL(new RegExp(`/enterprises/${big.uscc}$`));
  // From the firm's page to where its months are corrected and their revisions kept.
  await page.getByTestId('enterprise-figures-manage').click();
  await expect(page).toHaveURL(new RegExp(`/figures/${big.uscc}`));
});
