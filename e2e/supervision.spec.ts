import { expect, test } from '@playwright/test';
import { pickOption } from './support/antd.js';
import { createUserByApi, loginByApi } from './support/session.js';
import { confirmDialog, dayAfter, hearOf, takeAction } from './support/workflow.js';
import { bodyRows, cellUnder } from './support/table.js';

const DRC = '市发展和改革委员会';

test('a leader sets a task for a department, which hears of it, reports progress and completes it; the leader sees it done on time', async ({
  page,
}) => {
  test.slow();
  const admin = await loginByApi(page.request);
  const leader = await createUserByApi(page.request, admin.csrfToken, { role: 'leader', displayName: '督办市领导' });
  const unit = await createUserByApi(page.request, admin.csrfToken, { role: 'department', displayName: '发改委经办人', scopes: [DRC] });
  const title = `推进重点项目开工${Date.now().toString(36)}`;

  // The leader sets the task from 督查考核 → 督办任务.
  await loginByApi(page.request, leader.username, leader.password);
  await page.goto('/');
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '督查考核' }).click();
  await page.getByTestId('nav-supervision').click();
  await expect(page).toHaveURL(/\/supervision\/tasks$/);
  await page.getByTestId('task-create').click();
  const form = page.getByTestId('task-form');
  await form.getByLabel('任务', { exact: true }).fill(title);
  await form.getByLabel('任务要求').fill('11月底前完成可研批复并开工。');
  await pickOption(page, form.getByTestId('task-assignee'), '发展和改革', DRC);
  await form.getByLabel('期限').fill(dayAfter(10));
  await confirmDialog(page, '下达任务');
  await expect(page.getByTestId('task-status')).toHaveText('待办');
  await expect(page.getByTestId('task-assignee-name')).toHaveText(DRC);
  const taskUrl = page.url();

  // The department hears of it, reports 60% and completes it.
  await hearOf(page, unit, 'task_assigned');
  await expect(page).toHaveURL(taskUrl);
  await takeAction(page, 'task-action-report', '报告进展', { 完成百分比: '60', 情况说明: '可研已批复，正在办理施工许可。' });
  await expect(page.getByTestId('task-status')).toHaveText('进行中');
  await expect(page.getByTestId('task-timeline')).toContainText('报告进展 60%');
  await expect(page.getByTestId('task-timeline')).toContainText('可研已批复，正在办理施工许可。');
  await takeAction(page, 'task-action-complete', '完成', { 情况说明: '项目已开工。' });
  await expect(page.getByTestId('task-status')).toHaveText('已完成');

  // The leader hears of the progress and the completion, and sees the task done on time in the list.
  await hearOf(page, leader, 'task_done');
  await expect(page).toHaveURL(taskUrl);
  await expect(page.getByTestId('task-light')).toHaveText('按期完成');
  await page.getByTestId('notification-bell').click();
  await expect(page.getByTestId('notification-task_progress')).toHaveCount(1);
  await page.goto('/supervision/tasks?status=done');
  const table = page.getByTestId('tasks-table');
  const row = bodyRows(table).filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(await cellUnder(table, row, '状态')).toHaveText('已完成');
  await expect(await cellUnder(table, row, '督办灯')).toHaveText('按期完成');
  await expect(await cellUnder(table, row, '进度')).toHaveText('100%');
});
