import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { pickOption } from './support/antd.js';
import { DEMO_PASSWORD, E2E_DEMO_PORT } from './support/env.js';
import { loginByApi, logInToDemo } from './support/session.js';
import { confirmDialog } from './support/workflow.js';

// The server with the Hengyang demo data: its 2024-06 figures are published. This spec writes one
// brief there (the 2024-06 city brief) and, resumed after a reload, the 2024-06 chain brief of 输变电; no other spec reads briefs.
test.use({ baseURL: `http://localhost:${E2E_DEMO_PORT}` });

test('the statistics reviewer generates the 2024-06 city brief, reads its figures, edits, publishes and downloads it', async ({ page }) => {
  // Generating reads the whole month and renders its charts on the server, and the .docx embeds them.
  test.slow();
  await logInToDemo(page, 'demo-reviewer');
  await page.goto('/reports');
  await page.getByTestId('brief-generate').click();
  const form = page.getByTestId('brief-generate-form');
  await pickOption(page, form.getByRole('combobox', { name: /月份/ }), '2024-06', '2024年6月');
  await expect(form.getByRole('radio', { name: '全市' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: /初步/ })).not.toBeChecked();
  await form.page().getByRole('dialog').getByRole('button', { name: '生成简报' }).click();

  // The first sentence states the city's output and the chains growing by double digits (the new brief opens once written).
  const lead = page.getByTestId('brief-lead');
  await expect(lead).toContainText('855.04亿元', { timeout: 60_000 });
  await expect(lead).toContainText('4条');
  await expect(page.getByTestId('brief-status')).toContainText('草稿');

  // Each figure says on hover what it is and where it comes from.
  await lead.getByText('855.04亿元').hover();
  const card = page.getByRole('tooltip').filter({ hasText: '口径' });
  await expect(card).toContainText('规上工业总产值');
  await expect(card).toContainText('2024年1—6月');

  // The author rewrites the next month's focus and saves it with the brief.
  await page.getByTestId('brief-edit').click();
  const focus = page.getByRole('textbox', { name: /下月工作重点/ });
  await focus.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('加快输变电产业链重大项目建设进度。');
  await page.getByTestId('brief-save').click();
  await expect(page.getByTestId('brief-section-focus')).toContainText('加快输变电产业链重大项目建设进度。');
  await expect(page.getByTestId('brief-save')).toHaveCount(0);

  // 提交审核 → 审核通过 → 发布 (asked first), each step with who did it.
  await page.getByTestId('brief-action-submit').click();
  await expect(page.getByTestId('brief-status')).toContainText('待审核');
  await page.getByTestId('brief-action-review').click();
  await expect(page.getByTestId('brief-status')).toContainText('已审核');
  await page.getByTestId('brief-action-publish').click();
  await confirmDialog(page, '发布');
  await expect(page.getByTestId('brief-status')).toContainText('已发布');
  await expect(page.getByTestId('brief-steps')).toContainText('示例市统计局审核员');
  await expect(page.getByTestId('brief-edit')).toHaveCount(0);

  // The Word file downloads.
  const download = page.waitForEvent('download');
  await page.getByTestId('brief-download-docx').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  const saved = await file.path();
  expect(fs.statSync(saved).size).toBeGreaterThan(0);
});

test('a brief job started before a reload is followed when the reports page opens again: the new brief opens', async ({ page }) => {
  // The reviewer's 生成简报 started this job (as the dialog does), then the page was reloaded.
  const reviewer = await loginByApi(page.request, 'demo-reviewer', DEMO_PASSWORD);
  const started = await page.request.post('/api/jobs/briefs', {
    headers: { 'X-CSRF-Token': reviewer.csrfToken },
    data: { period: '2024-06', kind: 'chain', chainCode: 'CH02' },
  });
  expect(started.status(), await started.text()).toBe(202);
  const job = (await started.json()) as { id: string; createdAt: string };
  const remembered = JSON.stringify({ id: job.id, startedAt: job.createdAt });
  await page.addInitScript({ content: `sessionStorage.setItem('chainchief.job.brief-generate', ${JSON.stringify(remembered)})` });

  await page.goto('/reports');
  // The page finds the job and opens the brief it made.
  await expect(page).toHaveURL(/\/reports\/\d+$/, { timeout: 60_000 });
  await expect(page.getByTestId('brief-title')).toContainText('输变电装备产业链');
  await expect.poll(() => page.evaluate("sessionStorage.getItem('chainchief.job.brief-generate')")).toBeNull();
});
