import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './env.js';

type Session = { csrfToken: string; user: { id: string; username: string; displayName: string; role: string } };

/** Logs in through the API; the cookie lands in the page's browser context, so pages opened next are logged in. */
export async function loginByApi(request: APIRequestContext, username = ADMIN_USERNAME, password = ADMIN_PASSWORD): Promise<Session> {
  const response = await request.post('/api/auth/login', { data: { username, password } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Session;
}

/** Logs in by filling the login form, as a person would. */
export async function loginByForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

let userCounter = 0;

/** Creates a user through the admin API (the admin session must be in `request`); returns its login. */
export async function createUserByApi(
  request: APIRequestContext,
  adminCsrfToken: string,
  overrides: { role: string; displayName: string; scopes?: { kind: string; ref: string }[]; statsReviewer?: boolean },
): Promise<{ id: string; username: string; password: string }> {
  userCounter += 1;
  const username = `e2e-${Date.now().toString(36)}-${userCounter}`;
  const password = 'e2e-user-pass';
  const response = await request.post('/api/users', {
    headers: { 'X-CSRF-Token': adminCsrfToken },
    data: { username, password, scopes: [], ...overrides },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return { id, username, password };
}
