import { expect, test } from '@playwright/test';
import { exportExcel } from './support/excel.js';
import { createUserByApi, loginByApi } from './support/session.js';

/** What the app should show for an instant: Beijing time (UTC+8, no daylight saving), "YYYY-MM-DD HH:mm". */
function beijingMinutes(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

test('the administrator finds a user, sees role and scope, and exports the rows to Excel', async ({ page }) => {
  const admin = await loginByApi(page.request);
  const chief = await createUserByApi(page.request, admin.csrfToken, { role: 'chain_chief', displayName: '张链长', scopes: ['CH07'] });
  const listed = await page.request.get(`/api/users?q=${chief.username}`);
  const { items } = (await listed.json()) as { items: { createdAt: string }[] };
  const createdAt = beijingMinutes(items[0]?.createdAt ?? '');

  await page.goto('/admin/users');
  const table = page.getByTestId('users-table');
  await expect(table.getByRole('row', { name: new RegExp(chief.username) })).toBeVisible();

  await page.getByTestId('users-search').getByRole('searchbox').fill(chief.username);
  await page.getByTestId('users-search').getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${chief.username}`));
  await expect(page.getByText('共 1 条')).toBeVisible();
  const row = table.getByRole('row', { name: new RegExp(chief.username) });
  // The row as the screen shows it, and as the export writes it (without the actions).
  const cells = [chief.username, '张链长', '链长', '启用', '产业链：新能源产业链', '从未登录', createdAt];
  await expect(row.getByRole('cell')).toHaveText([...cells, /编\s*辑/]);

  const { download, workbook } = await exportExcel(page);
  expect(download.suggestedFilename()).toMatch(/^用户管理-\d{8}\.xlsx$/);
  const sheet = workbook.getWorksheet('用户管理');
  // The title row, the row with the export time, the header row and the one user found.
  expect(sheet?.rowCount).toBe(4);
  expect(sheet?.getRow(1).getCell(1).value).toBe('用户管理');
  expect(sheet?.getRow(3).values).toEqual([undefined, '用户名', '姓名', '角色', '状态', '数据范围', '最近登录', '创建时间']);
  expect(sheet?.getRow(4).values).toEqual([undefined, ...cells]);
});

test('the audit log shows who created a user, with the values written', async ({ page }) => {
  const admin = await loginByApi(page.request);
  const chief = await createUserByApi(page.request, admin.csrfToken, { role: 'park', displayName: '李园区', scopes: ['衡阳高新区'] });

  await page.goto('/admin/audit');
  const table = page.getByTestId('audit-table');
  // The row of the user just created: expand button, time, who, what, which kind, which one (in words).
  const row = table.getByRole('row').filter({ hasText: chief.username });
  await expect(row.getByRole('cell')).toHaveText(['', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'admin', '创建', '用户', chief.username]);
  await row.getByRole('button').click();
  await expect(table.getByText(`"username": "${chief.username}"`)).toBeVisible();
  await expect(table.getByText('"displayName": "李园区"')).toBeVisible();
});

test('a chain chief sees the work modules and their own scope, but not 系统管理', async ({ page, request }) => {
  const admin = await loginByApi(request);
  const chief = await createUserByApi(request, admin.csrfToken, { role: 'chain_chief', displayName: '王链长', scopes: ['CH07', 'CH08'] });

  await loginByApi(page.request, chief.username, chief.password);
  await page.goto('/');
  await expect(page.getByTestId('welcome-card')).toContainText('欢迎，王链长');
  await expect(page.getByTestId('welcome-role')).toHaveText('链长');
  await expect(page.getByTestId('welcome-scope')).toHaveText('产业链：CH07、产业链：CH08');
  await expect(page.getByTestId('side-menu').getByTestId('nav-monitoring')).toHaveText('驾驶舱');
  await expect(page.getByTestId('side-menu').getByText('系统管理', { exact: true })).toHaveCount(0);

  await page.goto('/admin/users');
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByTestId('users-table')).toHaveCount(0);
});

test('the administrator unlocks an account locked by failed logins, after confirming', async ({ page, request }) => {
  const admin = await loginByApi(page.request);
  const user = await createUserByApi(page.request, admin.csrfToken, { role: 'leader', displayName: '赵锁定' });
  // LOGIN_LOCKOUT_THRESHOLD is 10 by default: ten wrong passwords lock the account.
  for (let i = 0; i < 10; i++) {
    const failed = await request.post('/api/auth/login', { data: { username: user.username, password: `wrong-guess-${i}` } });
    expect(failed.status()).toBe(401);
  }
  expect((await request.post('/api/auth/login', { data: { username: user.username, password: user.password } })).status()).toBe(401);

  await page.goto(`/admin/users?q=${user.username}`);
  const row = page.getByTestId('users-table').getByRole('row', { name: /赵锁定/ });
  await expect(row.getByText('已锁定')).toBeVisible();
  await row.getByTestId(`user-unlock-${user.username}`).click();
  const question = page.getByText(`解锁 ${user.username}？`);
  await expect(question).toBeVisible();
  const ok = page.getByRole('button', { name: /确\s*定/ });
  await expect(ok).toBeEnabled();
  // A press that reached the popover before it was ready sends nothing: press again only then (never a second write).
  const sent = page
    .waitForRequest((r) => r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/'), { timeout: 5_000 })
    .catch(() => null);
  await ok.click();
  if (!(await sent) && (await question.isVisible())) await ok.click();
  await expect(page.getByText(`已解锁 ${user.username}`)).toBeVisible();
  await expect(row.getByText('已锁定')).toHaveCount(0);
  expect((await request.post('/api/auth/login', { data: { username: user.username, password: user.password } })).status()).toBe(200);
});
