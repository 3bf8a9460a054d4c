import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { pickOption } from './support/antd.js';
import { confirmDialog } from './support/workflow.js';
import { loginByApi } from './support/session.js';

// The plain server (SEED_DEMO=false): the reference chains and their nodes exist, no firms, so every
// node of CH02 is 缺链. The target is made through the API; the conversion is done on the chain page,
// then the lead shows in 重点招商项目清单 and in the 五单一图谱 workbook.

test('a target company on a chain node turns into a 招商线索, listed in 重点招商项目清单 and the 五单一图谱 workbook', async ({ page }) => {
  // Conversion, two list tabs and a workbook made on the server: more steps than most tests.
  test.slow();
  const session = await loginByApi(page.request);
  const name = `示例目标企业${crypto.randomUUID().slice(0, 6)}有限公司`;
  const created = await page.request.post('/api/chains/CH02/prospects', {
    headers: { 'X-CSRF-Token': session.csrfToken },
    data: { nodeKey: 'xfmr', name, location: '江苏省常州市', products: '干式变压器' },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto('/chains/CH02');
  await page.getByRole('tab', { name: '招商目标企业' }).click();
  const table = page.getByTestId('chain-prospects');
  const row = table.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('江苏省常州市');
  await row.getByRole('button', { name: `将“${name}”转为招商线索` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('请选择线索所属县市区');
  await pickOption(page, dialog.getByLabel('县市区'), '衡阳县', '衡阳县');
  await confirmDialog(page, '转为招商线索');

  await expect(page).toHaveURL(/\/investment\/projects\/\d+$/);
  await expect(page.getByText(name).first()).toBeVisible();
  const projectId = Number(new URL(page.url()).pathname.split('/').pop());

  // Back on the chain page the target links to its lead and can no longer be converted.
  await page.goto('/chains/CH02');
  await page.getByRole('tab', { name: '招商目标企业' }).click();
  const converted = page.getByTestId('chain-prospects').getByRole('row', { name: new RegExp(name) });
  await expect(converted.getByRole('link', { name: `项目 #${projectId}` })).toBeVisible();
  await expect(converted.getByRole('button', { name: /转为招商线索/ })).toHaveCount(0);

  // 重点招商项目清单 lists the new lead at 线索.
  await page.getByRole('tab', { name: '重点招商项目清单' }).click();
  const lead = page.getByTestId('chain-five-investment').getByRole('row', { name: new RegExp(name) });
  await expect(lead).toContainText('线索');
  await expect(lead.getByRole('link', { name })).toBeVisible();

  // 导出五单一图谱: one workbook with the six lists and the map sheet, the lead in its list.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出五单一图谱' }).click()]);
  expect(download.suggestedFilename()).toBe('五单一图谱-CH02.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  // The six lists and the map; their names and order are checked in server/modules/chains/chains.five-lists.test.ts.
  expect(book.worksheets).toHaveLength(7);
  const leads = book.getWorksheet('重点招商项目清单');
  expect(leads?.getCell('A1').value).toBe('输变电装备产业链 · 重点招商项目清单');
  const names: unknown[] = [];
  leads?.eachRow((row) => names.push(row.getCell(2).value));
  expect(names).toContain(name);
  expect(book.getWorksheet('产业链图谱')?.getImages()).toHaveLength(1);
});
