import { expect, test } from '@playwright/test';
import { pickOption } from './support/antd.js';
import { exportExcel } from './support/excel.js';
import { bodyRows } from './support/table.js';
import { createUserByApi, loginByApi, loginByForm } from './support/session.js';

// The e2e server starts with SEED_DEMO=false: the reference chains and their maps exist, no firms.

test('the administrator sees the 15 chains, the 2022 list of 14, and exports the list', async ({ page }) => {
  await loginByApi(page.request);
  await page.goto('/chains');
  const table = page.getByTestId('chains-table');
  await expect(bodyRows(table)).toHaveCount(15);
  await expect(page.getByTestId('chains-summary')).toContainText('共 15 条');
  await expect(table.getByRole('row', { name: /CH02 输变电装备产业链/ })).toContainText('10');

  // Search and the industry filter narrow the year's list, and stay in the address.
  await page.getByTestId('chains-search').getByRole('searchbox').fill('新能源');
  await page.getByTestId('chains-search').getByRole('searchbox').press('Enter');
  await expect(bodyRows(table)).toHaveCount(2);
  await expect(page.getByTestId('chains-summary')).toHaveText(/^\d{4} 年产业链名录，共 15 条，符合条件 2 条$/);
  await pickOption(page, page.getByTestId('chains-industry'), '', '四新 · 新能源汽车及零部件');
  await expect(bodyRows(table)).toHaveCount(1);
  await expect(table).toContainText('CH10');
  await expect(page).toHaveURL(/industry=X4/);
  // The side menu leads back to the whole list, search box emptied.
  await page.getByRole('menuitem').getByRole('link', { name: '产业链' }).click();
  await expect(page).toHaveURL('/chains');
  await expect(page.getByTestId('chains-search').getByRole('searchbox')).toHaveValue('');
  await expect(bodyRows(table)).toHaveCount(15);

  await pickOption(page, page.getByTestId('chains-year'), '', '2022');
  await expect(page).toHaveURL(/year=2022/);
  await expect(page.getByTestId('chains-summary')).toHaveText('2022 年产业链名录，共 14 条');
  await expect(bodyRows(table)).toHaveCount(14);
  await expect(table.getByText('绿色建材产业链')).toHaveCount(0);

  const { workbook } = await exportExcel(page);
  const sheet = workbook.worksheets[0];
  // The title row, the period row, the header row and the 14 chains of 2022.
  expect(sheet?.rowCount).toBe(17);
  expect(sheet?.getRow(5).getCell(2).value).toBe('输变电装备产业链');
});

test('the administrator opens 输变电装备产业链, sees its map and nodes, and edits the map', async ({ page }) => {
  // Two forms, two selects and a redrawn canvas: 40 s on a loaded 2-core machine, and once over 60 s.
  test.slow();
  await loginByApi(page.request);
  await page.goto('/chains');
  await page.getByTestId('chains-table').getByRole('link', { name: '输变电装备产业链' }).click();
  await expect(page).toHaveURL('/chains/CH02');
  await expect(page.getByTestId('chain-title')).toHaveText('输变电装备产业链');
  await expect(page.getByTestId('chain-facts')).toContainText('市工业和信息化局');

  // The map: drawn by G6 on canvas, 10 nodes and 12 edges. On a fresh server every node is 缺链 (no
  // local firm yet); other specs put firms on 变压器及电抗器, so the legend is checked against the API.
  const map = page.getByTestId('chain-gap-map');
  await expect(map).toHaveAttribute('data-node-count', '10');
  await expect(map).toHaveAttribute('data-edge-count', '12');
  await expect(map.locator('canvas').first()).toBeVisible();
  const gaps = (await (await page.request.get('/api/chains/CH02/map')).json()) as { nodes: { status: string }[] };
  const withGap = (status: string) => gaps.nodes.filter((n) => n.status === status).length;
  await expect(page.getByTestId('chain-gap-legend')).toHaveText(
    `缺链 ${withGap('missing')}断链 ${withGap('fragile')}弱链 ${withGap('weak')}强链 ${withGap('strong')}`,
  );
  const detail = (await (await page.request.get('/api/chains/CH02')).json()) as {
    nodes: { key: string; status: 'missing' | 'weak' | 'ok' }[];
  };

  const nodes = page.getByTestId('chain-nodes');
  await expect(bodyRows(nodes)).toHaveCount(10);
  const xfmrStatus = { missing: '缺链', weak: '弱链', ok: '正常' }[detail.nodes.find((n) => n.key === 'xfmr')?.status ?? 'missing'];
  await expect(nodes.getByRole('row', { name: /xfmr 变压器及电抗器 中游 3821/ })).toContainText(xfmrStatus);

  // Add a node; the form explains what is missing first.
  await page.getByTestId('node-create').click();
  const form = page.getByTestId('node-form');
  await page.getByRole('button', { name: /保\s?存/ }).click();
  await expect(form.getByText('请输入环节编码，如 xfmr')).toBeVisible();
  await form.getByLabel('环节编码').fill('e2e_storage');
  await form.getByLabel('环节名称').fill('储能变流设备');
  await pickOption(page, form.getByLabel('位置'), '', '下游');
  await page.getByRole('button', { name: /保\s?存/ }).click();
  await expect(nodes.getByRole('row', { name: /e2e_storage 储能变流设备 下游/ })).toBeVisible();
  await expect(map).toHaveAttribute('data-node-count', '11');

  // Link it: 电力电子元器件 supplies it.
  const edgeForm = page.getByTestId('edge-form');
  await pickOption(page, edgeForm.getByRole('combobox').first(), '电力电子', '电力电子元器件 (pe)');
  await pickOption(page, edgeForm.getByRole('combobox').last(), 'e2e_storage', '储能变流设备 (e2e_storage)');
  await page.getByTestId('edge-create').click();
  await expect(
    page.getByTestId('chain-edges').getByRole('row', { name: /电力电子元器件 \(pe\).*储能变流设备 \(e2e_storage\)/ }),
  ).toBeVisible();
  await expect(map).toHaveAttribute('data-edge-count', '13');

  // Delete the node after confirming; its edge goes with it.
  await nodes.getByTestId('node-delete-e2e_storage').click();
  await page.getByRole('button', { name: /确\s?定/ }).click();
  await expect(nodes.getByText('e2e_storage')).toHaveCount(0);
  await expect(map).toHaveAttribute('data-node-count', '10');
  await expect(map).toHaveAttribute('data-edge-count', '12');
});

test('the ten industries filter by group, and a chain count opens that industry’s chains', async ({ page }) => {
  await loginByApi(page.request);
  await page.goto('/industries');
  const table = page.getByTestId('industries-table');
  await expect(bodyRows(table)).toHaveCount(10);
  await page.getByTestId('industries-group').getByText('四新').click();
  // 四新: 新能源, 新材料, 生物医药, 新能源汽车及零部件.
  await expect(bodyRows(table)).toHaveCount(4);
  await page.getByTestId('industries-search').getByRole('searchbox').fill('新材料');
  await page.getByTestId('industries-search').getByRole('searchbox').press('Enter');
  await expect(bodyRows(table)).toHaveCount(1);
  // 新材料 leads 新材料, 钟表及精密制造 and 绿色建材 (CH08, CH14, CH15).
  await table.getByTestId('industry-chains-X2').click();
  await expect(page).toHaveURL('/chains?industry=X2');
  const chains = page.getByTestId('chains-table');
  await expect(bodyRows(chains)).toHaveCount(3);
  await expect(chains).toContainText('绿色建材产业链');
});

test('a chain office sees only its chain and cannot touch another', async ({ page }) => {
  const admin = await loginByApi(page.request);
  const office = await createUserByApi(page.request, admin.csrfToken, {
    role: 'chain_office',
    displayName: '新能源链办',
    scopes: ['CH07'],
  });
  await page.request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': admin.csrfToken } });
  await page.goto('/login?redirectTo=%2Fchains');
  await loginByForm(page, office.username, office.password);
  await expect(bodyRows(page.getByTestId('chains-table'))).toHaveCount(1);
  await expect(page.getByTestId('chains-table')).toContainText('新能源产业链');
  await expect(page.getByTestId('chain-create')).toHaveCount(0);

  // Another chain answers exactly like an unknown one (issue 9: no oracle of what exists outside the scope).
  await page.goto('/chains/CH02');
  await expect(page.getByText('产业链 CH02 不存在或不在您的数据范围内')).toBeVisible();
});
