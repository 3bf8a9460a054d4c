import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { pickOption } from './support/antd.js';
import { createSignedProject } from './support/projects.js';
import { loginByApi } from './support/session.js';
import { confirmDialog, dayAfter } from './support/workflow.js';

// The plain server: the test makes its own signed project through the API and edits it on its page.

test('a writer edits the amount, adds and resolves a blocker and ticks an approval on the project page', async ({ page }) => {
  test.slow();
  const admin = await loginByApi(page.request);
  const today = dayAfter(0);
  const id = await createSignedProject(page.request, admin.csrfToken, `示例项目页${crypto.randomInt(100_000, 999_999)}`, {
    signedAmount: 20_000_000,
  });

  await page.goto(`/investment/projects/${id}`);
  const facts = page.getByTestId('project-facts');
  await expect(facts).toContainText('2,000.00万元');

  // 签约额 typed in 万元: 2,000万 → 3,500万, kept as an amount change.
  await page.getByRole('button', { name: '编辑金额与计划' }).click();
  await page.getByRole('dialog').getByLabel('签约额（万元）').fill('3500');
  await confirmDialog(page, '保存');
  await expect(facts).toContainText('3,500.00万元');
  const changes = page.getByTestId('project-amount-changes').getByRole('row', { name: /签约额/ });
  await expect(changes).toHaveCount(1);
  await expect(changes).toContainText('2,000.00万元');
  await expect(changes).toContainText('3,500.00万元');

  // Below the 1亿元 threshold the major list refuses, with the server's message.
  await page.getByRole('button', { name: '列入重大项目' }).click();
  await page.getByRole('dialog').getByLabel('年度计划投资（万元）').fill('1000');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^保\s?存$/ })
    .click();
  await expect(page.getByText(/未达到重大项目门槛 1 亿元/)).toBeVisible();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^取\s?消$/ })
    .click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A 要素保障 blocker added, then resolved.
  const problem = `变电站增容未落实${crypto.randomInt(1000, 9999)}`;
  await page.getByRole('button', { name: '添加要素保障问题' }).click();
  const blockerForm = page.getByRole('dialog');
  await pickOption(page, blockerForm.getByLabel('类别'), '', '用电');
  await blockerForm.getByLabel('问题').fill(problem);
  await blockerForm.getByLabel('责任部门').fill('市发展和改革委员会');
  await blockerForm.getByLabel('期限').fill(dayAfter(30));
  await confirmDialog(page, '添加');
  const blocker = page.getByTestId('project-blockers').getByRole('row', { name: new RegExp(problem) });
  await expect(blocker).toContainText('用电');
  await expect(blocker).toContainText('市发展和改革委员会');
  await page.getByRole('button', { name: `解决“${problem}”` }).click();
  await expect(page.getByRole('dialog')).toContainText('不能重新打开');
  await confirmDialog(page, '解决');
  await expect(blocker).toContainText(today);
  await expect(page.getByRole('button', { name: `解决“${problem}”` })).toHaveCount(0);

  // An approval of the checklist ticked done: the day it was done is required.
  const filing = page.getByTestId('project-approvals').getByRole('row', { name: /立项备案/ });
  await expect(filing).toContainText('未开始');
  await page.getByRole('button', { name: '办理立项备案' }).click();
  const approvalForm = page.getByRole('dialog');
  await pickOption(page, approvalForm.getByLabel('状态'), '', '已办结');
  await approvalForm.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(approvalForm.getByText('请填写日期')).toBeVisible();
  await approvalForm.getByLabel('办结日期').fill(today);
  await confirmDialog(page, '保存');
  await expect(filing).toContainText('已办结');
  await expect(filing).toContainText(today);
});

test('a writer records two signing events and the page warns of one project signed several times until one is removed', async ({
  page,
}) => {
  const admin = await loginByApi(page.request);
  const today = dayAfter(0);
  const id = await createSignedProject(page.request, admin.csrfToken, `示例签约活动项目${crypto.randomInt(100_000, 999_999)}`);

  await page.goto(`/investment/projects/${id}`);
  const events = page.getByTestId('project-signing-events');
  await expect(events).toContainText('还没有登记签约活动');
  for (const event of ['示例重大项目集中签约活动', '示例承接产业转移投洽会']) {
    await page.getByRole('button', { name: '登记签约活动' }).click();
    await page.getByRole('dialog').getByLabel('活动名称').fill(event);
    await confirmDialog(page, '添加');
    await expect(events.getByRole('row', { name: new RegExp(event) })).toContainText(today);
  }
  const warning = page.getByText(/一个项目多次签约：在 2 个签约活动中签约或推介/);
  await expect(warning).toBeVisible();

  await events
    .getByRole('row', { name: /示例承接产业转移投洽会/ })
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await page.getByRole('button', { name: /^确\s?定$/ }).click();
  await expect(events.getByRole('row', { name: /示例承接产业转移投洽会/ })).toHaveCount(0);
  await expect(warning).toHaveCount(0);
});

test('the admin opens the project settings from the 重大项目 page and saves them after a confirmation', async ({ page }) => {
  await loginByApi(page.request);
  await page.goto('/projects');
  await page.getByRole('button', { name: '项目设置' }).click();
  const form = page.getByRole('dialog', { name: '招商项目设置' });
  // 1亿元 = 10,000万元 and 30%: the defaults, saved again unchanged (other tests rely on the threshold).
  await expect(form.getByLabel('重大项目门槛：计划总投资（万元）')).toHaveValue('10000.00');
  await expect(form.getByLabel('金额调增预警比例（%）')).toHaveValue('30.00');
  await form.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(page.getByText('保存后，新的门槛用于之后列入重大项目的操作')).toBeVisible();
  await page.getByRole('button', { name: /^确\s?定$/ }).click();
  await expect(page.getByText('项目设置已保存')).toBeVisible();
  await expect(form).toHaveCount(0);
  await page.getByRole('button', { name: '项目设置' }).click();
  await expect(page.getByRole('dialog', { name: '招商项目设置' })).toContainText('最近修改');
});
