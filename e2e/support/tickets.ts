import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { pickOption } from './antd.js';
import { createUserByApi } from './session.js';

/**
 * The two parties of a firm's problem (工单), made through the admin API (the admin session must be in
 * `request`): the firm's own liaison (企业联络员) and the office of chain CH02 (链办专员).
 */
export async function createTicketParties(request: APIRequestContext, adminCsrfToken: string, uscc: string) {
  const firm = await createUserByApi(request, adminCsrfToken, { role: 'enterprise', displayName: '企业联络员', scopes: [uscc] });
  const office = await createUserByApi(request, adminCsrfToken, { role: 'chain_office', displayName: '链办专员', scopes: ['CH02'] });
  return { firm, office };
}

/**
 * Opens the filing form from the enterprise's home page and fills it (category by its option text);
 * answers the form, for the caller to add files and submit.
 */
export async function fillTicketForm(page: Page, ticket: { category: string; title: string; description: string }): Promise<Locator> {
  await page.goto('/');
  await page.getByTestId('home-file-ticket').click();
  const form = page.getByTestId('ticket-form');
  await pickOption(page, form.getByTestId('ticket-category'), '', ticket.category);
  await form.getByLabel('问题标题').fill(ticket.title);
  await form.getByLabel('问题描述').fill(ticket.description);
  return form;
}
