import { expect, type Page } from '@playwright/test';
import { loginByApi } from './session.js';

/** A day `days` after today in Asia/Shanghai, YYYY-MM-DD (a hand-set deadline). */
export function dayAfter(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Presses the dialog's OK button (antd puts a space between two Chinese characters) and waits for it to close.
 * Once in CI (tickets.spec, 受理) the dialog stayed open 10 s after the click; the cause was not caught. If
 * a click is lost (pressed before the dialog's form was connected), no write goes out: the helper watches
 * for that write and, when none went out and the dialog is still open, presses again. Nothing was sent, so
 * nothing is sent twice; a press while the first write is under way is ignored by antd (the button is loading).
 */
export async function confirmDialog(page: Page, label: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  const ok = dialog.getByRole('button', { name: new RegExp(`^${label.split('').join('\\s?')}$`) });
  await expect(ok).toBeEnabled();
  const sent = page
    .waitForRequest((r) => r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/'), { timeout: 5_000 })
    .catch(() => null);
  await ok.click();
  if (!(await sent) && (await dialog.count()) > 0 && (await ok.isEnabled())) await ok.click();
  await expect(dialog).toHaveCount(0);
}

/** Opens the newest notification of a kind from the bell in the header. */
export async function openNotification(page: Page, kind: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('notification-count')).toContainText(/[1-9]/);
  await page.getByTestId('notification-bell').click();
  await page.getByTestId(`notification-${kind}`).first().click();
}

/** Logs in as `user` and opens its newest notification of `kind`: how a party hears of a move. */
export async function hearOf(page: Page, user: { username: string; password: string }, kind: string): Promise<void> {
  await loginByApi(page.request, user.username, user.password);
  await openNotification(page, kind);
}

/**
 * Takes a workflow action from its record's page: presses the button `buttonTestId`, fills the
 * dialog's fields (label → value) and confirms with `confirm`, waiting for the dialog to close.
 */
export async function takeAction(page: Page, buttonTestId: string, confirm: string, fields: Record<string, string> = {}): Promise<void> {
  await page.getByTestId(buttonTestId).click();
  for (const [label, value] of Object.entries(fields)) await page.getByRole('dialog').getByLabel(label).fill(value);
  await confirmDialog(page, confirm);
}
