import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd Select, as a person does: open it, type to filter (with `search`
 * empty: no typing), click the option, and see it shown in the select. antd re-renders the list
 * while it filters and animates, so on a busy machine a click can land on an option that is being
 * replaced; then the gesture is done again. A retry must not add to what an earlier try typed
 * (a list left open keeps its search text, and "电力电子电力电子" matches nothing): it opens the list
 * only when none is open and replaces the search text instead of typing more.
 */
export async function pickOption(page: Page, select: Locator, search: string, option: string): Promise<void> {
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    if (search !== '') await select.locator('input').first().fill(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click({ timeout: 3_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * The options of the antd Select list that is open. antd draws them without an accessible role
 * (its role="option" elements are a hidden copy of the active few), so this is the one place that
 * names its classes.
 */
export function openOptions(page: Page): Locator {
  return page.locator('.ant-select-dropdown:visible .ant-select-item-option');
}
