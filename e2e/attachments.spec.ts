import { expect, test } from '@playwright/test';
import { bodyRows } from './support/table.js';
import { createFirmByApi, loginByApi } from './support/session.js';
import { createTicketParties, fillTicketForm } from './support/tickets.js';
import { confirmDialog } from './support/workflow.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** The start of a Windows program, named .pdf: refused by its content. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);

test('an enterprise attaches a file when filing and after; a program named .pdf is refused; the uploader deletes a file', async ({
  page,
}) => {
  const admin = await loginByApi(page.request);
  const uscc = await createFirmByApi(page.request, admin.csrfToken, { name: `附件测试企业${Date.now().toString(36)}有限公司` });
  const { firm, office } = await createTicketParties(page.request, admin.csrfToken, uscc);

  // Filing with a file chosen in the form.
  await loginByApi(page.request, firm.username, firm.password);
  const form = await fillTicketForm(page, { category: '用电', title: '新增变压器用电报装', description: '需新增 2000 千伏安用电容量。' });
  await form.getByTestId('ticket-form-files').setInputFiles({ name: '用电申请表.pdf', mimeType: 'application/pdf', buffer: PDF });
  await confirmDialog(page, '提交');
  const table = page.getByTestId('attachments-table');
  await expect(bodyRows(table)).toHaveCount(1);
  await expect(table.getByRole('link', { name: '用电申请表.pdf' })).toBeVisible();

  // Right after: a program dressed as a PDF is refused with its reason; nothing is added.
  await page.getByTestId('attachments-file').setInputFiles({ name: '报告.pdf', mimeType: 'application/pdf', buffer: EXE });
  await expect(page.getByText('“报告.pdf”的内容不是允许的类型')).toBeVisible();
  await expect(bodyRows(table)).toHaveCount(1);
  await page
    .getByTestId('attachments-file')
    .setInputFiles({ name: '现场说明.txt', mimeType: 'text/plain', buffer: Buffer.from('配电房位于二期厂房东侧。') });
  await expect(bodyRows(table)).toHaveCount(2);
  const ticketUrl = page.url();

  // The chain office sees both files and may not delete the enterprise's.
  await loginByApi(page.request, office.username, office.password);
  await page.goto(ticketUrl);
  await expect(bodyRows(table)).toHaveCount(2);
  const officeRow = page.getByRole('row', { name: /现场说明\.txt/ });
  await expect(officeRow.getByRole('button', { name: /删\s?除/ })).toBeDisabled();

  // The enterprise deletes its own file after confirming.
  await loginByApi(page.request, firm.username, firm.password);
  await page.goto(ticketUrl);
  await page
    .getByRole('row', { name: /现场说明\.txt/ })
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s?定/ })
    .click();
  await expect(page.getByText('已删除附件“现场说明.txt”')).toBeVisible();
  await expect(bodyRows(table)).toHaveCount(1);
});

test('the admin enters a year of holidays the dataset lacks; deadlines count with it at once; deleting it takes it back', async ({
  page,
}) => {
  await loginByApi(page.request);
  expect((await page.request.get('/api/calendar/add-working-days?from=2099-01-01&days=1')).status()).toBe(422);
  await page.goto('/admin/calendar');
  await page.getByTestId('calendar-enter').click();
  const form = page.getByTestId('calendar-year-form');
  await form.getByTestId('calendar-year-input').fill('2099');
  await form.getByLabel('依据通知').fill('国办发明电〔2098〕1号（测试）');
  await form.getByLabel('节日 1').fill('元旦');
  await form.getByLabel('放假起 1').fill('2099-01-01');
  await form.getByLabel('放假止 1').fill('2099-01-03');
  await form.getByRole('button', { name: '添加调休上班日' }).click();
  await form.getByLabel('调休上班日（周末上班） 1').fill('元旦');
  await form.getByLabel('上班日期 1').fill('2099-01-04');
  await confirmDialog(page, '保存');
  const row = page.getByRole('row', { name: /2099/ });
  await expect(row).toContainText('管理员录入');
  await expect(row).toContainText('国办发明电〔2098〕1号（测试）');
  // 1–3 January off, Sunday 4 January worked.
  const answer = await page.request.get('/api/calendar/add-working-days?from=2099-01-01&days=1');
  expect(await answer.json()).toEqual({ from: '2099-01-01', days: 1, date: '2099-01-04' });

  await page.getByTestId('calendar-delete-2099').click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s?定/ })
    .click();
  await expect(page.getByRole('row', { name: /2099/ })).toHaveCount(0);
  expect((await page.request.get('/api/calendar/add-working-days?from=2099-01-01&days=1')).status()).toBe(422);
});
