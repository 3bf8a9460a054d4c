// Importing 招商目标企业 and 可转化科技成果 of CH02 from the downloaded templates: all rows or none.
import { describe, expect, it } from 'vitest';
import { countRows } from '../../test/factories/common.js';
import { makeUscc } from '../../../shared/uscc.js';
import { useTestApp, type Session } from '../../test/app.js';

import { filledTemplate, loadWorkbook, postFile } from '../../test/factories/enterprises.js';

const t = useTestApp({
  users: {
    admin: { role: 'admin' },
    office02: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    chief02: { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'CH02' }] },
  },
});

async function template(s: Session, list: 'prospects' | 'research'): Promise<Buffer> {
  const res = await t.get(`/api/chains/CH02/${list}/import/template`, s);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

function upload(s: Session, list: 'prospects' | 'research', file: Buffer, dryRun: boolean) {
  return postFile(t.app, s, `/api/chains/CH02/${list}/import?dryRun=${dryRun}`, `${list}.xlsx`, file);
}

const count = (table: 'chain_prospects' | 'chain_research') => countRows(t.database.db, table);

describe('importing the chain lists', () => {
  it('gives a template with Chinese headers, a 填写说明 sheet and the chain nodes', async () => {
    const book = await loadWorkbook(await template(t.users.office02, 'prospects'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['招商目标企业清单', '填写说明', '环节表']);
    expect(book.worksheets[0]?.getRow(1).values).toEqual([
      undefined,
      '环节',
      '企业名称',
      '统一社会信用代码',
      '所在地',
      '主要产品',
      '来源',
      '备注',
    ]);
    const nodes: unknown[] = [];
    book.getWorksheet('环节表')?.eachRow((row) => nodes.push(row.getCell(1).value));
    expect(nodes).toContain('xfmr');
  });

  it('checks, then imports every row of a good file (node by name or code)', async () => {
    const before = await count('chain_prospects');
    const uscc = makeUscc('9132040000000101');
    const file = await filledTemplate(await template(t.users.office02, 'prospects'), [
      ['变压器及电抗器', '导入目标甲有限公司', uscc, '江苏省常州市', '干式变压器', '展会', ''],
      ['xfmr', '导入目标乙有限公司', '', '', '', '', ''],
    ]);
    const checked = await upload(t.users.office02, 'prospects', file, true);
    expect(checked.json()).toEqual({ dryRun: true, written: false, rows: 2, created: 2, errors: [] });
    expect(await count('chain_prospects')).toBe(before);
    const done = await upload(t.users.office02, 'prospects', file, false);
    expect(done.json()).toEqual({ dryRun: false, written: true, rows: 2, created: 2, errors: [] });
    expect(await count('chain_prospects')).toBe(before + 2);
    const names = (await t.read('/api/chains/CH02/prospects?node=xfmr', t.users.chief02)).items.map(
      (p: { name: string; uscc: string | null }) => [p.name, p.uscc],
    );
    expect(names).toEqual(
      expect.arrayContaining([
        ['导入目标甲有限公司', uscc],
        ['导入目标乙有限公司', null],
      ]),
    );
  });

  it('lists every bad row and saves nothing: invalid USCC, unknown node, missing name, a choice not in the list', async () => {
    const before = [await count('chain_prospects'), await count('chain_research')];
    const valid = makeUscc('9132040000000102');
    const wrongCheck = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const prospects = await filledTemplate(await template(t.users.office02, 'prospects'), [
      ['xfmr', '好的一行有限公司', '', '', '', '', ''],
      ['xfmr', '坏代码有限公司', wrongCheck, '', '', '', ''],
      ['没有的环节', '坏环节有限公司', '', '', '', '', ''],
      ['xfmr', '', '', '', '', '', ''],
    ]);
    const res = await upload(t.users.office02, 'prospects', prospects, false);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('文件有 3 处错误，未导入任何一行');
    const errors = res.json().error.details.errors.map((e: { row: number; column: string; reason: string }) => [e.row, e.column, e.reason]);
    expect(errors).toEqual([
      [3, '统一社会信用代码', expect.stringContaining('统一社会信用代码无效')],
      [4, '环节', '产业链 CH02 没有这个环节，请填写“环节表”中的名称或代码'],
      [5, '企业名称', '必填，不能为空'],
    ]);
    const research = await filledTemplate(await template(t.users.admin, 'research'), [
      ['xfmr', '高效硅钢', '示例大学', '大学', '', '中试阶段', '', ''],
    ]);
    const bad = await upload(t.users.admin, 'research', research, true);
    expect(bad.json().errors).toEqual([{ row: 2, column: '单位类型', value: '大学', reason: '请填写以下之一：高校、科研院所、企业' }]);
    expect([await count('chain_prospects'), await count('chain_research')]).toEqual(before);
  });

  it('is for the writers of the lists: the chief may not import', async () => {
    expect((await t.get('/api/chains/CH02/prospects/import/template', t.users.chief02)).statusCode).toBe(403);
    const file = await filledTemplate(await template(t.users.office02, 'research'), [
      ['xfmr', '成果', '示例大学', '高校', '', '中试阶段', '', ''],
    ]);
    expect((await upload(t.users.chief02, 'research', file, true)).statusCode).toBe(403);
  });
});
