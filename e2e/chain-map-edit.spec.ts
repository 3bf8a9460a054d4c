import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { pickOption } from './support/antd.js';
import { loginByApi } from './support/session.js';

// The plain server: the admin edits CH09's map from the node panel on two nodes made here (unique keys,
// since other specs share the server): connect them, remove the edge and then a node, each confirmed.

test('the admin connects two nodes on the map, removes the edge and a node, each after a confirmation', async ({ page }) => {
  test.slow();
  const session = await loginByApi(page.request);
  const suffix = crypto.randomUUID().slice(0, 6);
  const [up, down] = [`示例上游${suffix}`, `示例下游${suffix}`];
  for (const [key, name, stage] of [
    [`e2eu${suffix}`, up, 'upstream'],
    [`e2ed${suffix}`, down, 'downstream'],
  ]) {
    const made = await page.request.post('/api/chains/CH09/nodes', {
      headers: { 'X-CSRF-Token': session.csrfToken },
      data: { key, name, stage, gbt4754: [] },
    });
    expect(made.status(), await made.text()).toBe(201);
  }

  await page.goto('/chains/CH09');
  const gaps = page.getByTestId('chain-gaps-table');
  await gaps.getByRole('button', { name: up }).click();
  const editor = page.getByTestId('chain-node-editor');
  await expect(editor).toContainText('该环节还没有连线');
  await pickOption(page, editor.getByLabel('下游环节'), down, down);
  await editor.getByRole('button', { name: /^连\s?线$/ }).click();
  await expect(editor.getByText(`${up} → ${down}`)).toBeVisible();

  await editor.getByRole('button', { name: `删除连线 ${up} → ${down}` }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s?定/ })
    .click();
  await expect(editor).toContainText('该环节还没有连线');

  await editor.getByRole('button', { name: '删除环节' }).click();
  await expect(page.getByRole('tooltip')).toContainText(`删除环节“${up}”`);
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s?定/ })
    .click();
  await expect(page.getByTestId('chain-node-editor')).toHaveCount(0);
  await expect(gaps.getByRole('button', { name: up })).toHaveCount(0);
  await expect(gaps.getByRole('button', { name: down })).toBeVisible();
});
