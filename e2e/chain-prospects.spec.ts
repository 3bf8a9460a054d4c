import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { pickOption } from './support/antd.js';
import { confirmDialog } from './support/workflow.js';
import { loginByApi } from './support/session.js';

// The plain server (SEED_DEMO=false): the reference chains and their nodes exist, no firms, so every
// node of CH02 is 缺链. The target is made through the API; the conversion is done on the chain page.

test('a target company on a chain node turns into a 招商线索 and the page lands on the new project', async ({ page }) => {
  const session = await loginByApi(page.request);
  const name = `示例目标企业${crypto.randomUUID().slice(0, 6)}有限公司`;
  const created = await page.request.post('/api/chains/CH02/prospects', {
    headers: { 'X-CSRF-Token': session.csrfToken },
    data: { nodeKey: 'xfmr', name, location: '江苏省常州市', products: '干式变压器' },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto('/chains/CH02');
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
  const converted = page.getByTestId('chain-prospects').getByRole('row', { name: new RegExp(name) });
  await expect(converted.getByRole('link', { name: `项目 #${projectId}` })).toBeVisible();
  await expect(converted.getByRole('button', { name: /转为招商线索/ })).toHaveCount(0);
});
