import crypto from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { ROLE_SCOPE_KIND, type Role } from '../../shared/roles.js';
import { makeUscc } from '../../shared/uscc.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, DEMO_PASSWORD } from './env.js';

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

/**
 * Logs a demo account in on the form of the demo server (the page's base URL) and waits until the app
 * has left the login page (a page opened sooner would cancel the login).
 */
export async function logInToDemo(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await loginByForm(page, username, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
}

let userCounter = 0;

/**
 * Creates a user through the admin API (the admin session must be in `request`); returns its login. `scopes`
 * names the chains, parks, departments, regions or the firm its role is scoped to (the kind follows from the role).
 */
export async function createUserByApi(
  request: APIRequestContext,
  adminCsrfToken: string,
  { scopes = [], ...overrides }: { role: Role; displayName: string; scopes?: string[]; statsReviewer?: boolean },
): Promise<{ id: string; username: string; password: string }> {
  userCounter += 1;
  const username = `e2e-${Date.now().toString(36)}-${userCounter}`;
  const password = 'e2e-user-pass';
  const kind = ROLE_SCOPE_KIND[overrides.role];
  const response = await request.post('/api/users', {
    headers: { 'X-CSRF-Token': adminCsrfToken },
    data: { username, password, scopes: scopes.map((ref) => ({ kind, ref })), ...overrides },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return { id, username, password };
}

/** A valid USCC (check character computed) under the 衡阳 prefix, random enough for one run. */
export function randomUscc(prefix = '91430400'): string {
  return makeUscc(`${prefix}${crypto.randomInt(10_000_000, 99_999_999)}`);
}

/**
 * Creates a firm through the API (the admin session must be in `request`), by default 规上 in 2024, in
 * 衡阳县 (430421), on chain CH02 at node xfmr; returns its USCC.
 */
export async function createFirmByApi(
  request: APIRequestContext,
  adminCsrfToken: string,
  firm: { name: string; uscc?: string; regionCode?: string; aboveScaleYears?: number[] },
): Promise<string> {
  const uscc = firm.uscc ?? randomUscc();
  const created = await request.post('/api/enterprises', {
    headers: { 'X-CSRF-Token': adminCsrfToken },
    data: {
      uscc,
      name: firm.name,
      regionCode: firm.regionCode ?? '430421',
      aboveScaleYears: firm.aboveScaleYears ?? [2024],
      memberships: [{ chainCode: 'CH02', nodeKey: 'xfmr', isPrimary: true }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return uscc;
}
