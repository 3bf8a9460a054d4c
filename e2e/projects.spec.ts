import crypto from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { pickOption } from './support/antd.js';
import { E2E_DEMO_PORT } from './support/env.js';
import { loginByApi } from './support/session.js';

// The demo server: its firms have published figures, so a firm the pipeline brings in shows output.
// The test adds one project of this year; no other test reads the demo's projects.
test.use({ baseURL: `http://localhost:${E2E_DEMO_PORT}` });

type Summary = { signed: { count: number }; pipelineOutput: { enterprises: number; output: number } };

/** Today's year in Beijing, the KPI dashboard's default year. */
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** A chain with a 缺链 node this year: the chain's code and the node's key and name. */
async function missingNode(request: APIRequestContext): Promise<{ chain: string; key: string; name: string }> {
  const chains = await json<{ items: { code: string }[] }>(request, `/api/chains?year=${YEAR}`);
  for (const { code } of chains.items) {
    const detail = await json<{ nodes: { key: string; name: string; status: string }[] }>(request, `/api/chains/${code}?year=${YEAR}`);
    const node = detail.nodes.find((n) => n.status === 'missing');
    if (node) return { chain: code, key: node.key, name: node.name };
  }
  throw new Error('the demo has no 缺链 node');
}

/** A 规上 firm of this year that no project has brought in yet (its output is not in the pipeline's). */
async function firmOutsideThePipeline(request: APIRequestContext): Promise<string> {
  const linked = new Set<string>();
  for (let page = 1; ; page += 1) {
    const projects = await json<{ items: { enterpriseUscc: string | null }[]; total: number }>(
      request,
      `/api/projects?page=${page}&pageSize=500`,
    );
    for (const p of projects.items) if (p.enterpriseUscc) linked.add(p.enterpriseUscc);
    if (page * 500 >= projects.total) break;
  }
  const firms = await json<{ items: { uscc: string }[] }>(request, `/api/enterprises?aboveScaleYear=${YEAR - 1}&pageSize=500`);
  const firm = firms.items.find((f) => !linked.has(f.uscc));
  if (!firm) throw new Error('every demo firm is linked to a project');
  return firm.uscc;
}

/** Saves the open stage dialog and waits until it has closed. */
async function saveMove(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(dialog).toHaveCount(0);
}

test('a lead started from a 缺链 node goes through the pipeline to 投产 with a firm, and the KPIs count it', async ({ page }) => {
  test.slow();
  await loginByApi(page.request);
  const node = await missingNode(page.request);
  const uscc = await firmOutsideThePipeline(page.request);
  const before = await json<Summary>(page.request, `/api/projects/summary?year=${YEAR}`);
  await page.goto('/projects/kpi');
  const outputCard = page.getByTestId('kpi-pipeline-output');
  await expect(outputCard).toContainText('亿元');
  // What the card said before, to see it change (the figure itself depends on the firm picked).
  const outputBefore = await outputCard.innerText();
  const name = `示例补链项目${crypto.randomInt(100_000, 999_999)}`;

  // The chain map's node table: the 缺链 node offers 发起招商线索, which opens the lead form on it.
  await page.goto(`/chains/${node.chain}`);
  await page.getByRole('button', { name: `为环节“${node.name}”发起招商线索` }).click();
  const form = page.getByRole('dialog');
  await expect(form.getByLabel('环节')).toBeVisible();
  await expect(form).toContainText(node.name);
  await form.getByLabel('项目名称').fill(name);
  await pickOption(page, form.getByLabel('县市区'), '衡阳县', '衡阳县');
  await form.getByLabel('签约额（万元）').fill('50000');
  await form.getByRole('button', { name: '保存线索' }).click();
  await expect(page).toHaveURL(/\/investment\/projects\/\d+$/);
  await expect(page.getByTestId('project-page')).toContainText(name);
  await expect(page.getByTestId('project-facts')).toContainText(node.name);

  // The board: drag the card from 线索 to 在谈, then advance it with the button to 签约 and 注册 (with the firm).
  await page.goto(`/investment?q=${encodeURIComponent(name)}`);
  const card = page.getByRole('region', { name: '线索' }).getByLabel(name, { exact: true });
  await expect(card).toBeVisible();
  await card.dragTo(page.getByRole('region', { name: '在谈' }));
  await expect(page.getByRole('dialog')).toContainText('当前阶段：线索');
  await saveMove(page);
  await expect(page.getByRole('region', { name: '在谈' }).getByLabel(name, { exact: true })).toBeVisible();

  await page.getByRole('button', { name: `推进“${name}”到下一阶段` }).click();
  await saveMove(page);
  await expect(page.getByRole('region', { name: '签约' }).getByLabel(name, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `推进“${name}”到下一阶段` }).click();
  await page.getByRole('dialog').getByLabel('注册企业').fill(uscc);
  await saveMove(page);
  await expect(page.getByRole('region', { name: '注册' }).getByLabel(name, { exact: true })).toBeVisible();

  // The project page: straight to 投产 (the skipped 供地, 开工, 竣工 dated today), linked to the firm.
  await page.getByRole('region', { name: '注册' }).getByRole('link', { name }).click();
  await page.getByRole('button', { name: '推进到下一阶段' }).click();
  await pickOption(page, page.getByRole('dialog').getByLabel('变更到'), '', '投产');
  await expect(page.getByRole('dialog').getByLabel('竣工日期')).toBeVisible();
  await saveMove(page);
  await expect(page.getByTestId('project-facts')).toContainText('投产');
  await expect(page.getByTestId('project-enterprise-link')).toBeVisible();
  await expect(page.getByTestId('project-timeline')).toContainText('竣工 → 投产');

  // The KPI dashboard of this year: one more signed project and one more firm, whose output now counts.
  await page.goto('/projects/kpi');
  await expect(page.getByTestId('kpi-signed-count')).toContainText(String(before.signed.count + 1));
  await expect(page.getByTestId('kpi-pipeline-enterprises')).toContainText(String(before.pipelineOutput.enterprises + 1));
  await expect(outputCard).not.toHaveText(outputBefore);
  const after = await json<Summary>(page.request, `/api/projects/summary?year=${YEAR}`);
  expect(after.pipelineOutput.output).toBeGreaterThan(before.pipelineOutput.output);

  // Back on the chain: the node's row lists the project.
  await page.goto(`/chains/${node.chain}`);
  const row = page
    .getByRole('row')
    .filter({ hasText: node.name })
    .filter({ has: page.getByRole('button', { name: /展开行|Expand row/ }) });
  await row.getByRole('button', { name: /展开行|Expand row/ }).click();
  await expect(page.getByTestId(`node-projects-${node.key}`)).toContainText(name);
});
