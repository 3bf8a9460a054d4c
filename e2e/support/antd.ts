import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd Select with search, as a person does: open it, type to filter, click
 * the option (with `search` empty: just click it), and see it shown in the select. antd re-renders the list while it filters and
 * animates, so on a busy machine a click can land on an option that is being replaced; then the
 * whole gesture is done again (the select must end up showing the option, or the test fails).
 */
export async function pickOption(page: Page, select: Locator, search: string, option: string): Promise<void> {
  await expect(async () => {
    await select.click();
    if (search !== '') await page.keyboard.type(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click({ timeout: 3_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
