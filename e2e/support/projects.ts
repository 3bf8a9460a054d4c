import { expect, type APIRequestContext } from '@playwright/test';
import { dayAfter } from './workflow.js';

/**
 * Records a lead of CH02 in 430421 through the API (as the logged-in writer, `csrfToken` its token)
 * and moves it to 已签约 today (洽谈 skipped the same day): a signed project for a test of its page.
 * `fields` adds to or overrides the lead's body (`signedAmount`, …). Answers the project's id.
 */
export async function createSignedProject(
  request: APIRequestContext,
  csrfToken: string,
  name: string,
  fields: Record<string, unknown> = {},
): Promise<number> {
  const headers = { 'X-CSRF-Token': csrfToken };
  const today = dayAfter(0);
  const created = await request.post('/api/projects', {
    headers,
    data: { name, channel: 'chain_chief', chainCode: 'CH02', regionCode: '430421', plannedInvestment: 50_000_000, ...fields },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id, version } = (await created.json()) as { id: number; version: number };
  const signed = await request.post(`/api/projects/${id}/stage`, {
    headers,
    data: { to: 'signed', on: today, skippedDates: { negotiating: today }, version },
  });
  expect(signed.status(), await signed.text()).toBe(200);
  return id;
}
