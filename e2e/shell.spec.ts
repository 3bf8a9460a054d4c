import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/env.js';
import { loginByApi, loginByForm } from './support/session.js';

test('admin logs in, uses the shell in Chinese and English, and logs out', async ({ page }) => {
  // A page asked for before logging in is the page shown after it.
  await page.goto('/chains');
  await expect(page).toHaveURL('/login?redirectTo=%2Fchains');
  await expect(page.getByTestId('login-title')).toHaveText('链长通');

  await loginByForm(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page).toHaveURL('/chains');

  const menu = page.getByTestId('side-menu');
  await expect(page.getByTestId('app-title')).toHaveText('链长通');
  await expect(menu.getByTestId('nav-chains')).toHaveText('产业链');
  await expect(menu.getByTestId('nav-dashboard')).toHaveText('首页');
  await expect(menu.getByText('系统管理')).toBeVisible();
  await expect(page.getByTestId('chains-table')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toHaveText('系统管理员');

  // The start page greets the user with role and data scope.
  await menu.getByTestId('nav-dashboard').click();
  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('welcome-card')).toContainText('欢迎，系统管理员');
  await expect(page.getByTestId('welcome-role')).toHaveText('系统管理员');
  await expect(page.getByTestId('welcome-scope')).toHaveText('全部');

  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(menu.getByTestId('nav-chains')).toHaveText('Chains');
  await expect(menu.getByTestId('nav-dashboard')).toHaveText('Home');
  await expect(page.getByTestId('app-title')).toHaveText('ChainChief');
  await expect(page.getByTestId('welcome-role')).toHaveText('Administrator');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The language choice survives a reload.
  await page.reload();
  await expect(menu.getByTestId('nav-chains')).toHaveText('Chains');
  await expect(page.getByTestId('welcome-card')).toContainText('Welcome, 系统管理员');
  await expect(page).toHaveTitle('ChainChief');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL('/login');
  await expect(page.getByTestId('login-submit')).toHaveText('Log in');
  await expect(page.getByText('You have logged out')).toBeVisible();

  // The session is really over on the server: the app sends us back to login.
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
  await page.goto('/admin/users');
  await expect(page).toHaveURL('/login?redirectTo=%2Fadmin%2Fusers');
});

test('a wrong password shows the server message and stays on the login page', async ({ page }) => {
  await page.goto('/login');
  await loginByForm(page, ADMIN_USERNAME, 'not-the-password');

  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL('/login');
  await expect(page.getByTestId('side-menu')).toHaveCount(0);

  // The message comes from the server in the language the user chose.
  await page.getByTestId('lang-switch').getByText('English').click();
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('Wrong username or password.');
  await expect(page).toHaveURL('/login');
});

test('the login form asks for the missing fields before calling the server', async ({ page }) => {
  await page.goto('/login');
  let loginCalls = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/auth/login')) loginCalls += 1;
  });
  await page.getByTestId('login-submit').click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();
  expect(loginCalls).toBe(0);
});

test('an unknown address inside the app shows the not-found page', async ({ page }) => {
  await page.goto('/login');
  await loginByForm(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByTestId('app-title')).toHaveText('链长通');
  await page.goto('/no-such-page');
  await expect(page.getByText('页面不存在')).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page).toHaveURL('/');
});

test('when the session ends elsewhere, the next request sends the user to login and back', async ({ page }) => {
  const admin = await loginByApi(page.request);
  // A page that asks the server once (the 驾驶舱 keeps asking for its lower parts as the browser
  // idles, and whichever request finds the session gone decides where the way back leads).
  await page.goto('/regions');
  await expect(page.getByTestId('regions-table').getByRole('cell', { name: '430421', exact: true })).toBeVisible();

  // Logged out in another tab: this page still shows the shell until it next asks the server.
  const logout = await page.request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': admin.csrfToken } });
  expect(logout.status()).toBe(200);
  await page.getByTestId('side-menu').getByText('系统管理', { exact: true }).click();
  await page.getByTestId('nav-users').click();
  await expect(page).toHaveURL('/login?redirectTo=%2Fadmin%2Fusers');

  await loginByForm(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page).toHaveURL('/admin/users');
  await expect(page.getByTestId('users-table').getByRole('cell', { name: 'admin', exact: true })).toBeVisible();
});
