import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd Select, as a person does: open it, type to filter (with `search`
 * empty: no typing), click the option, and see it shown in the select. `select` is the select's
 * combobox (found by its label: `form.getByLabel('位置')`) or an element holding one (a test id on
 * the Select). antd re-renders the list while it filters and animates, so on a busy machine a click
 * can land on an option that is being replaced; then the gesture is done again. A retry must not
 * add to what an earlier try typed (a list left open keeps its search text, and "电力电子电力电子"
 * matches nothing): it opens the list only when it is closed and replaces the search text.
 *
 * antd's options are a virtual list whose visible items carry no role (its listbox of role=option
 * items is hidden and holds only the active three), so the visible option is found as the item of
 * the open list with that title: the one place the browser tests use antd's class names.
 */
export async function pickOption(page: Page, select: Locator, search: string, option: string): Promise<void> {
  const isCombobox = (await select.getAttribute('role')) === 'combobox';
  const combobox = isCombobox ? select : select.getByRole('combobox');
  const shown = combobox.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await expect(async () => {
    if ((await combobox.getAttribute('aria-expanded')) !== 'true') await shown.click();
    if (search !== '') await combobox.fill(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click({ timeout: 3_000 });
    await expect(shown).toContainText(option, { timeout: 2_000 });
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
