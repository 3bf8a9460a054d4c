import crypto from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEFAULT_WARNING_SETTINGS } from '../shared/contracts/warnings.js';
import { createFirmByApi, loginByApi } from './support/session.js';
import { escapeRegExp } from './support/table.js';

/** Enters one month's 工业总产值 in 万元 by hand, confirming the warnings the entry raises. */
async function enterOutput(request: APIRequestContext, csrf: string, uscc: string, period: string, wan: number): Promise<void> {
  const res = await request.put(`/api/figures/${uscc}/${period}`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { unit: '万元', values: { grossOutput: String(wan) }, acceptWarnings: true },
  });
  expect(res.status(), await res.text()).toBe(200);
}

test('a 10× month in June 2024 is listed under 疑似单位错误, links to the firm, follows the threshold, and the dashboard card links to the list', async ({
  page,
}) => {
  test.slow();
  const admin = await loginByApi(page.request);
  const name = `预警测试单位错误有限公司${crypto.randomInt(100_000, 999_999)}`;
  const uscc = await createFirmByApi(page.request, admin.csrfToken, { name });
  // 100万元 a month January–May, then 1,000万元 in June: 10× the median of 100万元 (five months).
  for (const month of ['01', '02', '03', '04', '05']) await enterOutput(page.request, admin.csrfToken, uscc, `2024-${month}`, 100);
  await enterOutput(page.request, admin.csrfToken, uscc, '2024-06', 1000);

  try {
    await page.goto(`/warnings?period=2024-06&q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId('warnings-tab-unit_slip')).toHaveText('疑似单位错误 (1)');
    await page.getByTestId('warnings-tab-unit_slip').click();
    await expect(page).toHaveURL(/kind=unit_slip/);
    const table = page.getByTestId('warnings-table');
    const row = table.getByRole('row', { name: new RegExp(escapeRegExp(name)) });
    await expect(row).toContainText('疑似单位错误');
    await expect(row.getByTestId('warning-explain')).toHaveText('当月产值 1,000.00万元，是前 12 个月中位数 100.00万元（5 个月）的 10 倍');
    await expect(page.getByTestId('figure-meta')).toContainText('2024年6月 · 单位：万元');

    // The admin raises the factor to 11: 10× is no longer a slip, and the list says so.
    await page.getByTestId('warnings-settings-open').click();
    const factor = page.getByTestId('warnings-settings-unitSlipFactor');
    await expect(factor).toHaveValue('10');
    await factor.fill('1001');
    await page.getByTestId('warnings-settings-save').click();
    await expect(page.getByTestId('warnings-settings-form')).toContainText('请输入 3 到 1000 之间的数');
    await factor.fill('11');
    await page.getByTestId('warnings-settings-save').click();
    await page.getByTestId('warnings-settings-confirm').click();
    await expect(page.getByText('预警阈值已保存')).toBeVisible();
    await expect(page.getByTestId('warnings-tab-unit_slip')).toHaveText('疑似单位错误 (0)');
    await expect(page.getByTestId('warnings-empty')).toBeVisible();
  } finally {
    const reset = await page.request.put('/api/warnings/settings', {
      headers: { 'X-CSRF-Token': admin.csrfToken },
      data: DEFAULT_WARNING_SETTINGS,
    });
    expect(reset.status()).toBe(200);
  }

  // Back at the default 10×, the firm's link opens its page.
  await page.goto(`/warnings?period=2024-06&kind=unit_slip&q=${encodeURIComponent(name)}`);
  await page.getByTestId(`warning-firm-${uscc}`).click();
  await expect(page).toHaveURL(new RegExp(`/enterprises/${uscc}$`));
  await expect(page.getByText(name).first()).toBeVisible();

  // The dashboard's 预警 card counts the month's warnings (at least this one) and links to the list.
  await page.goto('/?period=2024-06&range=month');
  const link = page.getByTestId('headline-warnings-link');
  await expect(link).toHaveAttribute('href', '/warnings?period=2024-06');
  await expect(page.getByTestId('headline-warnings')).not.toContainText('—');
  // Beside it, the count of each kind, each linking to its own list.
  const slips = page.getByTestId('headline-warnings-unit_slip');
  await expect(slips).toHaveAttribute('href', '/warnings?period=2024-06&kind=unit_slip');
  // At least this firm's slip: a count of 1 or more.
  await expect(slips).toHaveText(/^疑似单位错误 [1-9][\d,]*$/);
  await link.click();
  await expect(page).toHaveURL(/\/warnings\?period=2024-06$/);
  await expect(page.getByTestId('warnings-tabs')).toBeVisible();
});
