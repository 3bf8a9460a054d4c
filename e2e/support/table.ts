import { expect, type Locator } from '@playwright/test';

/** The body rows of a table: rows with cells (the header row has column headers instead). */
export function bodyRows(table: Locator): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('cell') });
}

/**
 * The cell of `row` under the column headed `column`, so a test names the column it reads instead
 * of counting cells. Waits until the table shows exactly one such header.
 */
export async function cellUnder(table: Locator, row: Locator, column: string): Promise<Locator> {
  const headers = table.getByRole('columnheader');
  await expect(headers.filter({ hasText: column })).toHaveCount(1);
  const names = await headers.allInnerTexts();
  const index = names.findIndex((name) => name.includes(column));
  return row.getByRole('cell').nth(index);
}

/** `text` as a regular expression that matches it literally (firm names hold brackets and dots). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
