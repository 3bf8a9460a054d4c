import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { IMPORT_COLUMNS } from '../shared/contracts/enterprises.js';
import { loginByApi, randomUscc } from './support/session.js';
import { bodyRows } from './support/table.js';

/** A small enterprise file as someone would make it in Excel: one firm of the CH02 chain in 衡阳高新区. */
async function enterpriseFile(uscc: string, name: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow([...IMPORT_COLUMNS]);
  sheet.addRow([uscc, name, '衡阳高新区', '衡阳高新区', '3821', '2023,2024', 'CH02:xfmr;CH04:cuproc', '是', '否', '是']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('the administrator imports an xlsx through the import screen, finds the firm in the list and opens its page', async ({ page }) => {
  await loginByApi(page.request);
  const uscc = randomUscc();
  const name = `衡阳浏览器测试变压器有限公司${uscc.slice(-4)}`;

  await page.goto('/enterprises');
  await page.getByTestId('enterprises-import').click();
  await expect(page).toHaveURL('/enterprises/import');
  await expect(page.getByTestId('import-template')).toHaveAttribute('href', '/api/enterprises/import/template');

  // Choosing the file runs the check: nothing is written yet.
  await page.locator('input[type=file]').setInputFiles({
    name: 'firms.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await enterpriseFile(uscc, name),
  });
  await expect(page.getByTestId('import-check')).toContainText('检查通过（1 行）：将新增 1 家，更新 0 家，0 家无变化。');
  const before = await page.request.get(`/api/enterprises?q=${uscc}`);
  expect((await before.json()).total).toBe(0);

  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('导入完成：新增 1 家，更新 0 家，0 家无变化。');
  await page.getByTestId('import-to-list').click();
  await expect(page).toHaveURL('/enterprises');

  await page.getByTestId('enterprises-search').getByRole('searchbox').fill(uscc);
  await page.getByTestId('enterprises-search').getByRole('searchbox').press('Enter');
  await expect(page.getByText('共 1 条')).toBeVisible();
  const row = page.getByTestId('enterprises-table').getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('衡阳高新区');
  await expect(row).toContainText('输变电装备产业链');
  await expect(row).toContainText('链主');
  await expect(row).toContainText('2023、2024');

  await row.getByRole('link', { name }).click();
  await expect(page).toHaveURL(`/enterprises/${uscc}`);
  await expect(page.getByTestId('enterprise-name')).toHaveText(name);
  await expect(page.getByTestId('enterprise-profile')).toContainText(uscc);
  await expect(page.getByTestId('enterprise-profile')).toContainText('衡阳高新技术产业开发区');
  const memberships = page.getByTestId('enterprise-memberships');
  await expect(bodyRows(memberships)).toHaveCount(2);
  await expect(memberships.getByRole('row', { name: /CH02 输变电装备产业链/ })).toContainText('主环节');
  await expect(page.getByTestId('enterprise-figures')).toContainText('该企业还没有月度数据');
});

test('a file with errors is listed row by row and nothing is imported', async ({ page }) => {
  await loginByApi(page.request);
  const good = randomUscc('91430421');
  const bad = good.slice(0, 17) + (good.endsWith('A') ? 'B' : 'A');
  await page.goto('/enterprises/import');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'bad.xlsx', mimeType: 'application/octet-stream', buffer: await enterpriseFile(bad, '错误代码企业') });
  await expect(page.getByTestId('import-check')).toContainText('文件有 1 处错误，未写入任何数据');
  await expect(bodyRows(page.getByTestId('import-errors'))).toHaveCount(1);
  const errorRow = page.getByTestId('import-errors').getByRole('row', { name: /统一社会信用代码/ });
  await expect(errorRow).toContainText('第18位校验码应为');
  await expect(page.getByTestId('import-confirm')).toHaveCount(0);
});

test('an import job started before a reload is followed to its report when the import screen opens again', async ({ page }) => {
  const { csrfToken } = await loginByApi(page.request);
  const uscc = randomUscc();
  const name = `衡阳后台导入测试有限公司${uscc.slice(-4)}`;
  const file = await enterpriseFile(uscc, name);
  // The import screen started this check as a job (as choosing a file does), then the page was reloaded.
  const year = new Date().getFullYear();
  const options = { dryRun: true, mode: 'add', effectiveFromYear: year, acceptWarnings: false };
  const started = await page.request.post(
    `/api/jobs/enterprises-import?dryRun=true&mode=add&effectiveFromYear=${year}&acceptWarnings=false`,
    {
      headers: { 'X-CSRF-Token': csrfToken },
      multipart: {
        file: { name: 'queued-firms.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file },
      },
    },
  );
  expect(started.status(), await started.text()).toBe(202);
  const job = (await started.json()) as { id: string };
  const remembered = JSON.stringify({ id: job.id, options, file: { name: 'queued-firms.xlsx', size: file.length } });
  await page.addInitScript({ content: `sessionStorage.setItem('chainchief.job.enterprises-import', ${JSON.stringify(remembered)})` });

  await page.goto('/enterprises/import');
  // The screen follows that job (it is not back at the upload): its report shows, with the file's name.
  await expect(page.getByTestId('import-check')).toContainText('检查通过（1 行）：将新增 1 家，更新 0 家，0 家无变化。');
  await expect(page.getByTestId('import-check')).toContainText('queued-firms.xlsx');
  await expect(page.getByTestId('import-upload')).toHaveCount(0);
  // Followed once: the screen forgets the job when it has its report.
  await expect.poll(() => page.evaluate("sessionStorage.getItem('chainchief.job.enterprises-import')")).toBeNull();
  // A check writes nothing.
  expect((await (await page.request.get(`/api/enterprises?q=${uscc}`)).json()).total).toBe(0);
});
