import { expect, test } from '@playwright/test';
import { pickOption } from './support/antd.js';
import { createFirmByApi, loginByApi, loginByForm } from './support/session.js';

test('the admin creates a county user in the UI who sees only that county, then disables it; the 操作日志 shows it', async ({ page }) => {
  // A long walk through several pages and two logins.
  test.slow();
  const admin = await loginByApi(page.request);
  const tag = Date.now().toString(36);
  // Two firms of this run: one in 衡阳县 (the new user's county), one in 常宁市. Other specs add firms too.
  const inside = `范围内企业${tag}（示例）`;
  const outside = `范围外企业${tag}（示例）`;
  await createFirmByApi(page.request, admin.csrfToken, { name: inside, regionCode: '430421' });
  await createFirmByApi(page.request, admin.csrfToken, { name: outside, regionCode: '430482' });
  const username = `county-${tag}`;
  const password = 'county-pass-2025';

  await page.goto('/admin/users');
  await page.getByTestId('user-create').click();
  const form = page.getByTestId('user-form');
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('姓名').fill('县级测试员');
  await pickOption(page, form.getByLabel('角色'), '', '县市区');
  // The scope is picked by name, searched on the server.
  await pickOption(page, form.getByLabel('县市区范围'), '衡阳县', '衡阳县');
  await form.getByLabel('初始密码').fill(password);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(page.getByText(`已创建用户 ${username}`)).toBeVisible();

  await page.getByTestId('users-search').getByRole('searchbox').fill(username);
  await page.getByTestId('users-search').getByRole('searchbox').press('Enter');
  const row = page.getByTestId('users-table').getByRole('row', { name: new RegExp(username) });
  await expect(row.getByRole('cell', { name: '县市区：衡阳县', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: '从未登录', exact: true })).toBeVisible();

  // The admin logs out; the new user logs in and sees the firms of its county only.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
  await loginByForm(page, username, password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.goto(`/enterprises?q=${tag}`);
  const firms = page.getByTestId('enterprises-table');
  await expect(firms.getByRole('row', { name: new RegExp(inside) })).toBeVisible();
  await expect(firms.getByRole('row', { name: new RegExp(outside) })).toHaveCount(0);

  // The admin disables the account, after confirming; its login is refused from then on.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
  await loginByApi(page.request);
  await page.goto(`/admin/users?q=${username}`);
  await expect(row.getByRole('cell', { name: '从未登录', exact: true })).toHaveCount(0);
  await row.getByTestId(`user-disable-${username}`).click();
  await expect(page.getByText(`停用 ${username}？`)).toBeVisible();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText(`已停用 ${username}`)).toBeVisible();
  await expect(row.getByText('停用', { exact: true })).toBeVisible();
  const refused = await page.request.post('/api/auth/login', { data: { username, password } });
  expect(refused.status()).toBe(401);

  // The 操作日志 in words, filtered by the user who acted and the kind of object.
  await page.goto('/admin/audit');
  await pickOption(page, page.getByTestId('audit-actor'), 'admin', '（admin）');
  await expect(page).toHaveURL(/actor=admin/);
  await pickOption(page, page.getByTestId('audit-entity'), '用户', '用户');
  await expect(page).toHaveURL(/entity=user/);
  const audit = page.getByTestId('audit-table');
  const created = audit.getByRole('row').filter({ hasText: username }).filter({ hasText: '创建' });
  await expect(created.getByRole('cell')).toHaveText(['', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'admin', '创建', '用户', username]);
  const disabled = audit.getByRole('row').filter({ hasText: username }).filter({ hasText: '停用账号' });
  await expect(disabled).toHaveCount(1);
  // Another user's filter hides them.
  await page.goto(`/admin/audit?actor=${username}&entity=user`);
  await expect(audit.getByRole('row').filter({ hasText: '创建' })).toHaveCount(0);
});
