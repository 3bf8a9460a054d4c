import { expect, test } from '@playwright/test';
import { createFirmByApi, loginByApi, randomUscc } from './support/session.js';

/** A small monthly file as a statistician makes it: a title row, 万元 units, 1–N月 累计 figures. */
function monthlyCsv(uscc: string): Buffer {
  const lines = [
    '衡阳市规上工业企业主要指标（2024年1-2月）',
    '统一社会信用代码,期别,"工业总产值(本年累计,万元)","营业收入(当月,万元)"',
    `${uscc},2024年1月,100.5,90`,
    `${uscc},2024年2月,250.5,120`,
  ];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

test('the administrator uploads a monthly file on the import screen, sees the counts and opens the firm’s months', async ({ page }) => {
  const admin = await loginByApi(page.request);
  // The e2e server starts without demo data: the firm is made through the API first.
  const uscc = randomUscc();
  const name = `衡阳月报测试电气有限公司${uscc.slice(-4)}`;
  await createFirmByApi(page.request, admin.csrfToken, { uscc, name });

  await page.goto('/figures');
  await expect(page.getByTestId('figures-template')).toHaveAttribute('href', '/api/figures/template?format=xlsx');
  await page.locator('input[type=file]').setInputFiles({ name: '2024年1-2月.csv', mimeType: 'text/csv', buffer: monthlyCsv(uscc) });
  await page.getByTestId('figures-submit').click();
  const result = page.getByTestId('figures-result');
  await expect(result).toContainText('导入完成：新增 2 条，更新 0 条，未变化 0 条');
  await expect(result).toContainText('读取 2 行数据（表头在第 2 行），期别：2024-01、2024-02');

  // February = 1–2月 累计 250.5 − January 100.5 = 150 万元.
  await page.goto(`/figures/${uscc}?year=2024`);
  await expect(page.getByText(`${name} · 月度数据`)).toBeVisible();
  const table = page.getByTestId('figures-table');
  await expect(table.getByRole('row', { name: /2024-01/ })).toContainText('100.50');
  const february = table.getByRole('row', { name: /2024-02/ });
  await expect(february).toContainText('150.00');
  await expect(february).toContainText('导入');

  // Correct February by hand: the earlier value stays as a revision.
  await page.getByTestId('figures-open-2024-02').click();
  await expect(page.getByTestId('figures-field-grossOutput')).toHaveValue('150');
  await expect(page.getByTestId('figures-revisions')).toContainText('首次录入');
  await page.getByTestId('figures-field-grossOutput').fill('160.25');
  await page.getByTestId('figures-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(february).toContainText('160.25');
  await page.getByTestId('figures-open-2024-02').click();
  await expect(page.getByTestId('figures-revisions')).toContainText('修改：工业总产值');
  await expect(page.getByTestId('figures-revisions')).toContainText('工业总产值: 150 → 160.25');
});

test('a monthly file with row errors lists them, row by row, and writes nothing', async ({ page }) => {
  await loginByApi(page.request);
  const unknown = randomUscc();
  const lines = ['统一社会信用代码,期别,"工业总产值(当月,万元)"', `${unknown},2024-06,100`, `${unknown},2024-05,-3`];
  await page.goto('/figures');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '错误.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8') });
  await page.getByTestId('figures-submit').click();
  const errors = page.getByTestId('figures-errors');
  // Row 2: the code is not in the register; row 3: a negative output (the code is not checked further).
  await expect(errors.getByRole('row', { name: /^2 / })).toContainText('不在企业名录中');
  await expect(errors.getByRole('row', { name: /^3 / })).toContainText('负数');
  await expect(page.getByTestId('figures-result')).not.toContainText('导入完成');
});

test('an import job started before a reload is followed to its report when the screen opens again', async ({ page }) => {
  const admin = await loginByApi(page.request);
  const uscc = randomUscc();
  await createFirmByApi(page.request, admin.csrfToken, { uscc, name: `衡阳续传测试电气有限公司${uscc.slice(-4)}` });
  // The import screen started this job (as the upload does), then the page was reloaded.
  const started = await page.request.post('/api/figures/import?job=true&dryRun=false&acceptWarnings=false&unit=元', {
    headers: { 'x-csrf-token': admin.csrfToken },
    multipart: { file: { name: '2024年1-2月.csv', mimeType: 'text/csv', buffer: monthlyCsv(uscc) } },
  });
  expect(started.status()).toBe(202);
  const job = (await started.json()) as { id: string };
  const remembered = JSON.stringify({ id: job.id, options: { dryRun: false, acceptWarnings: false, unit: '元' } });
  await page.addInitScript({ content: `sessionStorage.setItem('chainchief.job.figures-import', ${JSON.stringify(remembered)})` });
  await page.goto('/figures');
  await expect(page.getByTestId('figures-result')).toContainText('导入完成：新增 2 条，更新 0 条，未变化 0 条');
  // Followed once: the screen forgets the job when it has its report.
  expect(await page.evaluate("sessionStorage.getItem('chainchief.job.figures-import')")).toBeNull();
});
