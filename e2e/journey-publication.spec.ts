import crypto from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { openOptions } from './support/antd.js';
import { E2E_JOURNEY_PORT } from './support/env.js';
import { createFirmByApi, createUserByApi, loginByApi } from './support/session.js';

// Publishing a month moves every user's default month: this journey has a server of its own
// (reference data only; playwright.config.ts), and makes the firms, figures and users it reads.
test.use({ baseURL: `http://localhost:${E2E_JOURNEY_PORT}` });

type Firm = { uscc: string; name: string };

// antd puts a space between the two characters of a two-character button: “保 存”, “发 布”.
const SAVE = /^保 ?存$/;
const PUBLISH = /^发 ?布$/;

/** Makes a firm on chain CH02 (node xfmr) in 衡阳县, 规上 in `year` only; returns it. */
async function createFirm(request: APIRequestContext, csrf: string, name: string, year: number): Promise<Firm> {
  return { uscc: await createFirmByApi(request, csrf, { name, aboveScaleYears: [year] }), name };
}

/** A monthly file as a statistician makes it: 当月 工业总产值 in 万元, one row per firm and month. */
function monthlyCsv(rows: readonly { uscc: string; period: string; wan: number }[]): Buffer {
  const lines = ['统一社会信用代码,期别,"工业总产值(当月,万元)"', ...rows.map((r) => `${r.uscc},${r.period},${r.wan}`)];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

/** How the 驾驶舱 heading names a month (`2026-05`): one month (当月), or the year up to it (累计). */
const monthLabel = (p: string) => `${p.slice(0, 4)}年${Number(p.slice(5))}月 当月`;
const ytdLabel = (p: string) => `${p.slice(0, 4)}年1–${Number(p.slice(5))}月 累计`;

/**
 * The leader's 驾驶舱 on the published month `period`: as it opens (累计, the default range) and after
 * switching to 当月, each with its headline total; then the month's status and how many firms reported.
 */
async function expectLeaderDashboard(page: Page, period: string, totals: { ytd: string; month: string }, reported: string) {
  await expect(page.getByRole('heading', { name: `驾驶舱 · ${ytdLabel(period)}` })).toBeVisible();
  await expect(page.getByTestId('headline-total')).toContainText(totals.ytd);
  await page.getByTestId('leader-dashboard').getByText('当月', { exact: true }).click();
  await expect(page.getByRole('heading', { name: `驾驶舱 · ${monthLabel(period)}` })).toBeVisible();
  await expect(page.getByTestId('headline-total')).toContainText(totals.month);
  await expect(page.getByText(/^已发布 · /)).toBeVisible();
  await expect(page.getByText(reported)).toBeVisible();
}

/** Logs `page` in as another user (the cookie is replaced) and opens `path`. */
async function openAs(page: Page, user: { username: string; password: string }, path: string): Promise<void> {
  await loginByApi(page.request, user.username, user.password);
  await page.goto(path);
}

test('a chain office imports part of the next month; the leader keeps the published month until the reviewer has settled the suspects and published, then sees the new one', async ({
  page,
}) => {
  // Five screens and four users on a loaded 2-core machine.
  test.slow();
  const admin = await loginByApi(page.request);

  // Each run takes the year after the latest published month (this server starts empty), so a
  // repeated run publishes later months and every count below holds again.
  const listed = await page.request.get('/api/periods');
  expect(listed.status()).toBe(200);
  const latest = ((await listed.json()) as { latestPublished: string | null }).latestPublished;
  // The first run takes the year four years back, inside the pickers' five years of months.
  const year = latest === null ? new Date().getUTCFullYear() - 4 : Number(latest.slice(0, 4)) + 1;
  const published = `${year}-05`;
  const next = `${year}-06`;

  const suffix = crypto.randomInt(1000, 9999);
  // Four 规上 firms of CH02, 10,000 万元 a month January–May. In June 甲 reports 100,000 (a new line:
  // true), 乙 100,000 (a unit slip: the enterprise's corrected report says 10,000), 丙 10,000, 丁 nothing.
  const [jia, yi, bing, ding] = [
    await createFirm(page.request, admin.csrfToken, `审核发布甲电气有限公司${suffix}`, year),
    await createFirm(page.request, admin.csrfToken, `审核发布乙电气有限公司${suffix}`, year),
    await createFirm(page.request, admin.csrfToken, `审核发布丙电气有限公司${suffix}`, year),
    await createFirm(page.request, admin.csrfToken, `审核发布丁电气有限公司${suffix}`, year),
  ] as const;
  const history = [1, 2, 3, 4, 5].flatMap((m) =>
    [jia, yi, bing, ding].map((f) => ({ uscc: f.uscc, period: `${year}-0${m}`, wan: 10_000 })),
  );
  const imported = await page.request.post('/api/figures/import?acceptWarnings=true', {
    headers: { 'X-CSRF-Token': admin.csrfToken },
    multipart: { file: { name: '1-5月.csv', mimeType: 'text/csv', buffer: monthlyCsv(history) } },
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const publish = await page.request.post(`/api/periods/${published}/publish`, { headers: { 'X-CSRF-Token': admin.csrfToken } });
  expect(publish.status(), await publish.text()).toBe(200);

  const office = await createUserByApi(page.request, admin.csrfToken, {
    role: 'chain_office',
    displayName: '输变电链办',
    scopes: ['CH02'],
  });
  const leader = await createUserByApi(page.request, admin.csrfToken, { role: 'leader', displayName: '市领导' });
  const reviewer = await createUserByApi(page.request, admin.csrfToken, { role: 'leader', displayName: '统计审核员', statsReviewer: true });

  // 1. The chain office imports June for three of its four firms, confirming the two 10× warnings.
  await openAs(page, office, '/figures');
  await page.locator('input[type=file]').setInputFiles({
    name: `${next}.csv`,
    mimeType: 'text/csv',
    buffer: monthlyCsv([
      { uscc: jia.uscc, period: next, wan: 100_000 },
      { uscc: yi.uscc, period: next, wan: 100_000 },
      { uscc: bing.uscc, period: next, wan: 10_000 },
    ]),
  });
  await page.getByRole('button', { name: '上传并导入' }).click();
  await page.getByRole('button', { name: '已核对，确认导入' }).click();
  await expect(page.getByText('导入完成：新增 3 条，更新 0 条，未变化 0 条')).toBeVisible();

  // 2. The leader's 驾驶舱 still opens on May, 累计 (the default range): 4 firms × 5 months × 10,000 万元
  // = 20.00 亿元; 当月 4 × 10,000 万元 = 4.00 亿元; published, all four reported.
  // Its month picker offers published months only: June is not there.
  await openAs(page, leader, '/');
  // The month picker names a month as the dashboard does: 2026年10月 (1–2月 for January and February).
  const pickerLabel = (p: string) => (Number(p.slice(5)) <= 2 ? `${p.slice(0, 4)}年1–2月` : `${p.slice(0, 4)}年${Number(p.slice(5))}月`);
  await expectLeaderDashboard(page, published, { ytd: '20.00亿元', month: '4.00亿元' }, '已报 4 / 4 家');
  const picker = page.getByRole('combobox', { name: '统计月份' });
  await picker.fill(next);
  await expect(openOptions(page)).toHaveCount(0);
  await picker.fill(published);
  await expect(openOptions(page)).toHaveText([pickerLabel(published)]);
  await page.keyboard.press('Escape');

  // 3. The reviewer opens June on the review page: its coverage, 丁 missing; review starts and finds
  // the two 10× months.
  await openAs(page, reviewer, `/periods?year=${year}`);
  await page.getByRole('button', { name: next, exact: true }).click();
  const detail = page.getByTestId('period-detail');
  await expect(detail.getByText('已报 3 / 4 家')).toBeVisible();
  await expect(detail.getByText('采集中', { exact: true })).toBeVisible();
  await detail.getByRole('tab', { name: '未报企业（1）' }).click();
  await expect(detail.getByRole('link', { name: ding.name })).toBeVisible();
  await detail.getByRole('button', { name: '转入审核' }).click();
  await expect(detail.getByText('审核中', { exact: true })).toBeVisible();

  // On the 驾驶舱 June is 初步数据 with its coverage, the two suspects held back (甲 and 乙: 2 firms,
  // 200,000 万元 = 20.00 亿元) and the total 丙's 10,000 万元 = 1.00 亿元.
  await page.goto(`/?period=${next}&range=month`);
  await expect(page.getByRole('heading', { name: `驾驶舱 · ${monthLabel(next)}` })).toBeVisible();
  await expect(page.getByText('初步数据（未发布）')).toBeVisible();
  await expect(page.getByText('已报 3 / 4 家')).toBeVisible();
  await expect(page.getByText('2 家企业的 20.00亿元 疑似有误，待核实，未计入合计')).toBeVisible();
  await expect(page.getByTestId('headline-total')).toContainText('1.00亿元');
  // Data staff pick any month, each with its status.
  await picker.fill(next);
  await expect(openOptions(page)).toHaveText([`${pickerLabel(next)} · 审核中`]);
  await picker.fill(published);
  await expect(openOptions(page)).toHaveText([`${pickerLabel(published)} · 已发布`]);
  await page.keyboard.press('Escape');

  await page.goto(`/periods?year=${year}&period=${next}`);
  await detail.getByRole('tab', { name: '审核事项（未处理 2）' }).click();
  const rowOf = (firm: Firm) => detail.getByRole('row', { name: new RegExp(firm.name) });
  await expect(rowOf(jia)).toContainText('疑似单位错误');
  await expect(rowOf(yi)).toContainText('未处理');

  // 甲's 10× is true: confirmed with the reason.
  await rowOf(jia).getByRole('button', { name: '核实属实' }).click();
  const confirmDialog = page.getByRole('dialog', { name: `${jia.name} · 核实属实` });
  await confirmDialog.getByLabel('核实属实的理由').fill('企业书面说明：新生产线 5 月底投产，产值属实');
  await confirmDialog.getByRole('button', { name: SAVE }).click();
  await expect(rowOf(jia)).toContainText('已核实属实');
  await expect(rowOf(jia)).toContainText('企业书面说明：新生产线 5 月底投产，产值属实');

  // 乙's is a unit slip: the reviewer enters the enterprise's corrected report (10,000 万元) on the
  // firm's months, then records its source.
  await rowOf(yi).getByRole('button', { name: '已更正' }).click();
  const correctDialog = page.getByRole('dialog', { name: `${yi.name} · 已更正` });
  await expect(correctDialog).toContainText('统计人员不得自行修改企业数据');
  await correctDialog.getByRole('link', { name: '打开该企业的月度数据' }).click();
  await expect(page.getByText(`${yi.name} · 月度数据`)).toBeVisible();
  await page.getByRole('button', { name: next, exact: true }).click();
  const drawer = page.getByRole('dialog', { name: `${next} 月度数据` });
  const output = drawer.getByLabel('工业总产值 (万元)', { exact: true });
  await expect(output).toHaveValue('100000');
  await output.fill('10000');
  await drawer.getByRole('button', { name: SAVE }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.goto(`/periods?year=${year}&period=${next}`);
  await rowOf(yi).getByRole('button', { name: '已更正' }).click();
  await expect(correctDialog).toContainText('该企业数据已在发现问题后修订，请记录更正来源。');
  await correctDialog.getByRole('radio', { name: '企业更正后的报表' }).check();
  await correctDialog.getByLabel('文号/凭据').fill(`${year}-07-05 更正报表`);
  await correctDialog.getByRole('button', { name: SAVE }).click();
  await expect(rowOf(yi)).toContainText('已更正');
  await expect(rowOf(yi)).toContainText('企业更正后的报表');
  await expect(detail.getByRole('tab', { name: '审核事项（未处理 0）' })).toBeVisible();

  // Publish, confirming.
  await detail.getByRole('button', { name: PUBLISH }).click();
  await page.getByRole('tooltip').getByRole('button', { name: PUBLISH }).click();
  await expect(page.getByText(`${next} 已发布`)).toBeVisible();
  await expect(detail.getByText('已发布', { exact: true })).toBeVisible();

  // The 预警 page shows each warning's disposition: 甲's 10× stays a 疑似单位错误, 已核实属实; 乙's
  // corrected figure is no longer one.
  await page.goto(`/warnings?period=${next}&kind=unit_slip&q=${suffix}`);
  await expect(page.getByRole('tab', { name: '疑似单位错误 (1)' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(jia.name) })).toContainText('已核实属实');
  await expect(page.getByRole('row', { name: new RegExp(yi.name) })).toHaveCount(0);

  // 4. The leader now opens on June: 当月 甲 100,000 + 乙 10,000 + 丙 10,000 = 120,000 万元 = 12.00 亿元,
  // 累计 200,000 + 120,000 = 320,000 万元 = 32.00 亿元; 3 of 4 reported.
  await openAs(page, leader, '/');
  await expectLeaderDashboard(page, next, { ytd: '32.00亿元', month: '12.00亿元' }, '已报 3 / 4 家');
});
