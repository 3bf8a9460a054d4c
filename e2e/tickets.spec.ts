import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createFirmByApi, createUserByApi, loginByApi } from './support/session.js';
import { createTicketParties, fillTicketForm } from './support/tickets.js';
import { confirmDialog, dayAfter, hearOf, takeAction } from './support/workflow.js';

const LAND = '市自然资源和规划局';

test('an enterprise files a problem, the chain office assigns it, the department answers, the enterprise rates it, the statistics count it', async ({
  page,
}) => {
  test.slow();
  const admin = await loginByApi(page.request);
  const uscc = await createFirmByApi(page.request, admin.csrfToken, { name: `示例问题企业${crypto.randomInt(100_000, 999_999)}有限公司` });
  const { firm, office } = await createTicketParties(page.request, admin.csrfToken, uscc);
  const unit = await createUserByApi(page.request, admin.csrfToken, {
    role: 'department',
    displayName: '自然资源局经办人',
    scopes: [LAND],
  });
  const year = dayAfter(0).slice(0, 4);
  const before = (await (await page.request.get(`/api/tickets/stats?year=${year}`)).json()) as { received: number; closed: number };

  // The enterprise files from its home page.
  await loginByApi(page.request, firm.username, firm.password);
  await fillTicketForm(page, { category: '用地', title: '二期厂房用地指标不足', description: '二期厂房需新增用地约30亩，指标未落实。' });
  await confirmDialog(page, '提交');
  await expect(page.getByTestId('ticket-state')).toHaveText('待受理');
  const ticketUrl = page.url();

  // The chain office hears of it, accepts it and assigns it to the land bureau.
  await hearOf(page, office, 'filed');
  await expect(page).toHaveURL(ticketUrl);
  await takeAction(page, 'ticket-action-accept', '受理');
  await expect(page.getByTestId('ticket-state')).toHaveText('已受理');
  await takeAction(page, 'ticket-action-assign', '交办', { 牵头单位: LAND, 办结期限: dayAfter(30) });
  await expect(page.getByTestId('ticket-state')).toHaveText('已交办');
  await expect(page.getByTestId('ticket-lead-unit')).toHaveText(LAND);
  await expect(page.getByTestId('ticket-due')).toHaveText(dayAfter(30));

  // The department hears of the assignment, starts and answers.
  await hearOf(page, unit, 'assigned');
  await expect(page).toHaveURL(ticketUrl);
  await takeAction(page, 'ticket-action-start', '签收办理');
  await expect(page.getByTestId('ticket-state')).toHaveText('办理中');
  await takeAction(page, 'ticket-action-answer', '答复', { 答复内容: '已调剂用地指标30亩，月底前供地。' });
  await expect(page.getByTestId('ticket-state')).toHaveText('已答复');

  // The enterprise hears of the answer and rates it 5.
  await hearOf(page, firm, 'answered');
  await expect(page.getByTestId('ticket-answer')).toHaveText('已调剂用地指标30亩，月底前供地。');
  await page.getByTestId('ticket-action-rate').click();
  await page.getByRole('dialog').getByRole('radio').nth(4).click();
  await confirmDialog(page, '评价');
  await expect(page.getByTestId('ticket-state')).toHaveText('企业已评价');
  await expect(page.getByTestId('ticket-rating-value')).toHaveText('5');

  // The chain office hears of the rating and closes the problem; the statistics count it.
  await hearOf(page, office, 'rated');
  await takeAction(page, 'ticket-action-close', '办结');
  await expect(page.getByTestId('ticket-state')).toHaveText('办结');
  await expect(page.getByTestId('ticket-timeline')).toContainText('链办专员');

  await loginByApi(page.request);
  await page.goto('/problems/stats');
  await expect(page.getByTestId('ticket-stats-received')).toContainText(String(before.received + 1));
  await expect(page.getByTestId('ticket-stats-closed')).toContainText(String(before.closed + 1));
  await expect(page.getByTestId('ticket-stats-byUnit').getByRole('row', { name: new RegExp(LAND) })).toBeVisible();
});
