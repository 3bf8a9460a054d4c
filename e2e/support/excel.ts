import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from '@playwright/test';

/** Presses the list's 导出 Excel button and reads the workbook it downloads. */
export async function exportExcel(page: Page): Promise<{ download: Download; workbook: ExcelJS.Workbook }> {
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-excel').click();
  const download = await downloadPromise;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  return { download, workbook };
}

/** Reads the count a screen names in `locator` (`共 1,234 条`, `全部 (1,234)`): the number in `pattern`'s first group. */
export function countNamed(locator: Locator, pattern: RegExp): () => Promise<number> {
  return async () => Number(pattern.exec(await locator.innerText())?.[1]?.replace(/,/g, '') ?? NaN);
}
