import { expect, type Page } from '@playwright/test';

/** A day `days` after today in Asia/Shanghai, YYYY-MM-DD (a hand-set deadline). */
export function dayAfter(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Presses the dialog's OK button (antd puts a space between two Chinese characters) and waits for it to close. */
export async function confirmDialog(page: Page, label: string): Promise<void> {
  await page
    .getByRole('dialog')
    .getByRole('button', { name: new RegExp(`^${label.split('').join('\\s?')}$`) })
    .click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Opens the newest notification of a kind from the bell in the header. */
export async function openNotification(page: Page, kind: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('notification-count')).toContainText(/[1-9]/);
  await page.getByTestId('notification-bell').click();
  await page.getByTestId(`notification-${kind}`).first().click();
}
