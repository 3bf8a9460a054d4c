import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { makeUscc } from '../shared/uscc.js';
import { pickOption } from './support/antd.js';
import { createUserByApi, loginByApi } from './support/session.js';
import { confirmDialog, dayAfter, openNotification } from './support/workflow.js';

const LAND = '市自然资源和规划局';

test('an enterprise files a problem, the chain office assigns it, the department answers, the enterprise rates it, the statistics count it', async ({
  page,
}) => {
  test.slow();
  const admin = await loginByApi(page.request);
  const uscc = makeUscc(`91430400${crypto.randomInt(10_000_000, 99_999_999)}`);
  const firmName = `示例问题企业${crypto.randomInt(100_000, 999_999)}有限公司`;
  const created = await page.request.post('/api/enterprises', {
    headers: { 'X-CSRF-Token': admin.csrfToken },
    data: {
      uscc,
      name: firmName,
      regionCode: '430421',
      aboveScaleYears: [2024],
      memberships: [{ chainCode: 'CH02', nodeKey: 'xfmr', isPrimary: true }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const firm = await createUserByApi(page.request, admin.csrfToken, {
    role: 'enterprise',
    displayName: '企业联络员',
    scopes: [{ kind: 'enterprise', ref: uscc }],
  });
  const office = await createUserByApi(page.request, admin.csrfToken, {
    role: 'chain_office',
    displayName: '链办专员',
    scopes: [{ kind: 'chain', ref: 'CH02' }],
  });
  const unit = await createUserByApi(page.request, admin.csrfToken, {
    role: 'department',
    displayName: '自然资源局经办人',
    scopes: [{ kind: 'department', ref: LAND }],
  });
  const year = dayAfter(0).slice(0, 4);
  const before = (await (await page.request.get(`/api/tickets/stats?year=${year}`)).json()) as { received: number; closed: number };

  // The enterprise files from its home page.
  await loginByApi(page.request, firm.username, firm.password);
  await page.goto('/');
  await page.getByTestId('home-file-ticket').click();
  const form = page.getByTestId('ticket-form');
  await pickOption(page, form.getByTestId('ticket-category'), '', '用地');
  await form.getByLabel('问题标题').fill('二期厂房用地指标不足');
  await form.getByLabel('问题描述').fill('二期厂房需新增用地约30亩，指标未落实。');
  await confirmDialog(page, '提交');
  await expect(page.getByTestId('ticket-state')).toHaveText('待受理');
  const ticketUrl = page.url();

  // The chain office hears of it, accepts it and assigns it to the land bureau.
  await loginByApi(page.request, office.username, office.password);
  await openNotification(page, 'filed');
  await expect(page).toHaveURL(ticketUrl);
  await page.getByTestId('ticket-action-accept').click();
  await confirmDialog(page, '受理');
  await expect(page.getByTestId('ticket-state')).toHaveText('已受理');
  await page.getByTestId('ticket-action-assign').click();
  await page.getByRole('dialog').getByLabel('牵头单位').fill(LAND);
  await page.getByRole('dialog').getByLabel('办结期限').fill(dayAfter(30));
  await confirmDialog(page, '交办');
  await expect(page.getByTestId('ticket-state')).toHaveText('已交办');
  await expect(page.getByTestId('ticket-lead-unit')).toHaveText(LAND);
  await expect(page.getByTestId('ticket-due')).toHaveText(dayAfter(30));

  // The department hears of the assignment, starts and answers.
  await loginByApi(page.request, unit.username, unit.password);
  await openNotification(page, 'assigned');
  await expect(page).toHaveURL(ticketUrl);
  await page.getByTestId('ticket-action-start').click();
  await confirmDialog(page, '签收办理');
  await expect(page.getByTestId('ticket-state')).toHaveText('办理中');
  await page.getByTestId('ticket-action-answer').click();
  await page.getByRole('dialog').getByLabel('答复内容').fill('已调剂用地指标30亩，月底前供地。');
  await confirmDialog(page, '答复');
  await expect(page.getByTestId('ticket-state')).toHaveText('已答复');

  // The enterprise hears of the answer and rates it 5.
  await loginByApi(page.request, firm.username, firm.password);
  await openNotification(page, 'answered');
  await expect(page.getByTestId('ticket-answer')).toHaveText('已调剂用地指标30亩，月底前供地。');
  await page.getByTestId('ticket-action-rate').click();
  await page.getByRole('dialog').getByRole('radio').nth(4).click();
  await confirmDialog(page, '评价');
  await expect(page.getByTestId('ticket-state')).toHaveText('企业已评价');
  await expect(page.getByTestId('ticket-rating-value')).toHaveText('5');

  // The chain office hears of the rating and closes the problem; the statistics count it.
  await loginByApi(page.request, office.username, office.password);
  await openNotification(page, 'rated');
  await page.getByTestId('ticket-action-close').click();
  await confirmDialog(page, '办结');
  await expect(page.getByTestId('ticket-state')).toHaveText('办结');
  await expect(page.getByTestId('ticket-timeline')).toContainText('链办专员');

  await loginByApi(page.request);
  await page.goto('/problems/stats');
  await expect(page.getByTestId('ticket-stats-received')).toContainText(String(before.received + 1));
  await expect(page.getByTestId('ticket-stats-closed')).toContainText(String(before.closed + 1));
  await expect(page.getByTestId('ticket-stats-byUnit').getByRole('row', { name: new RegExp(LAND) })).toBeVisible();
});
