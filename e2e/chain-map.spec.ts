import { expect, test } from '@playwright/test';
import { E2E_DEMO_PORT } from './support/env.js';
import { logInToDemo } from './support/session.js';
import { bodyRows } from './support/table.js';

// The server with the Hengyang demo data (read only): its latest published month is 2026-09, and the
// demo leaves 电力电子元器件 of 输变电装备产业链 (CH02) without firms on purpose.
test.use({ baseURL: `http://localhost:${E2E_DEMO_PORT}` });

type MapAnswer = { nodes: { key: string; name: string; status: string; firms: { name: string; uscc: string }[] }[] };

test('the leader opens a chain map, sees the legend and a 缺链 node, opens a node and sees its firms and problems, and exports the map', async ({
  page,
}) => {
  test.slow();
  await logInToDemo(page, 'demo-leader');
  await page.goto('/chains/CH02');
  const card = page.getByTestId('chain-gap-map-card');
  await expect(card).toContainText('2026-09');
  const map = page.getByTestId('chain-gap-map');
  await expect(map).toHaveAttribute('data-node-count', '10');
  await expect(map.locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('chain-gap-legend')).toContainText('缺链 1');
  const tracking = page.getByTestId('chain-gap-map-card').getByTestId('chain-target-tracking');
  await expect(tracking).toContainText('2026 年目标跟踪');
  await expect(tracking).toContainText('年末预计');
  await expect(page.getByTestId('chain-gap-legend')).toContainText('强链');

  const gaps = page.getByTestId('chain-gaps-table');
  const gapRow = gaps.getByRole('row', { name: /电力电子元器件/ });
  await expect(gapRow).toContainText('缺链');
  await expect(gapRow).toContainText('本地无企业');
  await expect(gapRow).toContainText('补链');

  // 现状图 leaves out the node without local firms.
  await card.getByText('现状图').click();
  await expect(map).toHaveAttribute('data-node-count', '9');
  await card.getByText('全景图').click();
  await expect(map).toHaveAttribute('data-node-count', '10');

  // The panel of 变压器及电抗器 lists its firms (the largest first, as the API gives them).
  const answer = (await (await page.request.get('/api/chains/CH02/map')).json()) as MapAnswer;
  const xfmr = answer.nodes.find((n) => n.key === 'xfmr');
  expect(xfmr?.firms.length).toBeGreaterThan(0);
  await gaps.getByRole('button', { name: '变压器及电抗器' }).click();
  const firms = page.getByTestId('chain-node-firms');
  await expect(bodyRows(firms)).toHaveCount(xfmr?.firms.length ?? 0);
  await expect(firms.getByRole('link', { name: xfmr?.firms[0]?.name ?? '' })).toBeVisible();
  // Its problems: the chain's open tickets of the node's firms, as many as the API counts.
  const tickets = (await (await page.request.get('/api/tickets?chain=CH02&open=true&pageSize=500')).json()) as {
    items: { uscc: string }[];
  };
  const usccs = new Set(xfmr?.firms.map((f) => f.uscc));
  const open = tickets.items.filter((ticket) => usccs.has(ticket.uscc)).length;
  await expect(page.getByTestId('chain-node-problems')).toContainText(`问题（${open}）`);
  await expect(page.getByTestId('chain-node-projects')).toContainText('招商线索与项目');
  await page.keyboard.press('Escape');

  const png = page.waitForEvent('download');
  await card.getByRole('button', { name: '导出 PNG' }).click();
  expect((await png).suggestedFilename()).toBe('输变电装备产业链-全景图-2026-09.png');
  const svg = page.waitForEvent('download');
  await card.getByRole('button', { name: '导出 SVG' }).click();
  expect((await svg).suggestedFilename()).toBe('输变电装备产业链-全景图-2026-09.svg');
});

test('the health page ranks all 15 chains with the formula and each component', async ({ page }) => {
  await logInToDemo(page, 'demo-leader');
  await page.goto('/chains');
  await page.getByRole('link', { name: '健康指数排名' }).click();
  await expect(page).toHaveURL('/chains/health');
  await expect(page.getByTestId('chain-health-formula')).toContainText('健康指数 = 100 ×（0.30×环节覆盖率');
  const table = page.getByTestId('chain-health-table');
  await expect(bodyRows(table)).toHaveCount(15);
  await expect(table.getByRole('columnheader', { name: '产值分散度' })).toBeVisible();
  await expect(bodyRows(table).first()).toContainText(/^1/);
});
