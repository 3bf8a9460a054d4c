import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/index.js';
import { useTestApp, type Session } from '../../../test/app.js';
import { useCliWorkspace } from '../../../test/cli.js';
import { filledTemplate, loadWorkbook, postFile } from '../../../test/factories/enterprises.js';
import { buildProject } from '../../../test/factories/projects.js';

const t = useTestApp({
  users: {
    admin: { role: 'admin' },
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    leader: { role: 'leader' },
  },
});

async function template(s: Session, kind: 'projects' | 'investment'): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url: `/api/projects/import/template?kind=${kind}`, headers: s.headers });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

function upload(s: Session, file: Buffer, query: string) {
  return postFile(t.app, s, `/api/projects/import?${query}`, 'projects.xlsx', file);
}

const countProjects = async (q: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/projects?q=${encodeURIComponent(q)}`, headers: t.users.admin.headers })).json().total;

describe('projects import: template, dry run, row errors, all or nothing', () => {
  it('gives a template with Chinese headers, an instructions sheet and the codes', async () => {
    const workbook = await loadWorkbook(await template(t.users.office, 'projects'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['招商项目', '填写说明', '代码表']);
    expect(workbook.worksheets[0]?.getRow(1).values).toContain('项目名称');
    expect(workbook.worksheets[0]?.getRow(1).values).toContain('签约额(万元)');
    expect(JSON.stringify(workbook.getWorksheet('填写说明')?.getSheetValues())).toContain('全部成功或全部不写入');
    expect(JSON.stringify(workbook.getWorksheet('代码表')?.getSheetValues())).toContain('CH02');
    expect((await t.app.inject({ method: 'GET', url: '/api/projects/import/template', headers: t.users.leader.headers })).statusCode).toBe(
      403,
    );
  });

  // Row 4 is on CH05, outside the office's chains, but its own errors come first: scope is checked on otherwise valid rows.
  it('lists every row error and writes nothing; a clean file is checked, then imported as dated leads', async () => {
    const blank = await template(t.users.office, 'projects');
    const good = [
      '示例导入项目甲',
      'CH02',
      'xfmr',
      '链主招商',
      '产业项目',
      '衡阳县',
      '',
      '',
      '50000',
      '120000.5',
      '市工信局',
      '张三',
      '2024-05-06',
      '',
    ];
    const bad = await filledTemplate(blank, [
      good,
      ['示例导入项目乙', 'CH99', '', '网上招商', '', '衡阳县', '', '', '-5', '', '', '', '2024-13-01', ''],
      ['', 'CH05', '', '', '', '某县', '', '', '', '', '', '', '', ''],
    ]);
    const dry = await upload(t.users.office, bad, 'dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    const reasons = dry.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(reasons).toEqual(['3:产业链', '3:招商渠道', '3:签约额(万元)', '3:线索日期', '4:项目名称', '4:县市区']);
    expect(dry.json().errors[0].reason).toContain('没有这条产业链');
    const real = await upload(t.users.office, bad, 'dryRun=false');
    expect(real.statusCode).toBe(400);
    expect(await countProjects('示例导入项目')).toBe(0);

    const clean = await filledTemplate(blank, [
      good,
      ['示例导入项目丙', '输变电装备产业链', '', '', '文旅项目', '430421', '', '', '', '', '', '', '', ''],
    ]);
    const checked = await upload(t.users.office, clean, 'dryRun=true');
    expect(checked.json()).toMatchObject({ dryRun: true, written: false, rows: 2, created: 2, errors: [] });
    expect(await countProjects('示例导入项目')).toBe(0);
    const imported = await upload(t.users.office, clean, 'dryRun=false');
    expect(imported.json()).toMatchObject({ written: true, created: 2 });
    const list = await t.app.inject({ method: 'GET', url: '/api/projects?q=示例导入项目甲', headers: t.users.office.headers });
    expect(list.json().items[0]).toMatchObject({
      stage: 'lead',
      channel: 'chain_master',
      chainCode: 'CH02',
      nodeKey: 'xfmr',
      signedAmount: 500_000_000,
      plannedInvestment: 1_200_005_000,
    });
    const detail = await t.app.inject({ method: 'GET', url: `/api/projects/${list.json().items[0].id}`, headers: t.users.office.headers });
    expect(detail.json().stageDates).toEqual({ lead: '2024-05-06' });
  });
});

describe('monthly investment import', () => {
  it('replaces a project month, refuses projects outside the scope, and the major list shows the sum', async () => {
    const own = await buildProject(t.database.db, { name: '示例投资项目', plannedInvestment: 500_000_000 });
    const other = await buildProject(t.database.db, { name: '示例外链项目', chainCode: 'CH05' });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/projects/${own.id}/major/2024`,
      headers: t.users.office.headers,
      payload: { annualPlan: 120_000_000 },
    });
    expect(put.statusCode).toBe(200);
    const blank = await template(t.users.office, 'investment');
    const outside = await filledTemplate(blank, [
      [own.id, '2024-03', '1500', '1200'],
      [other.id, '2024-03', '10', ''],
    ]);
    const refused = await upload(t.users.office, outside, 'kind=investment&dryRun=true');
    expect(refused.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:项目编号']);
    const file = await filledTemplate(blank, [
      [own.id, '2024-03', '1500', '1200'],
      [own.id, '2024/4', '2000.5', ''],
    ]);
    expect((await upload(t.users.office, file, 'kind=investment&dryRun=false')).json()).toMatchObject({ written: true, created: 2 });
    const major = await t.app.inject({ method: 'GET', url: '/api/projects/major?year=2024', headers: t.users.office.headers });
    expect(major.json().items.find((p: { projectId: number }) => p.projectId === own.id)).toMatchObject({
      completed: 35_005_000,
      fundsArrived: 12_000_000,
    });
  });
});

describe('npm run cli -- import-projects / import-investment', () => {
  const work = useCliWorkspace('cc-import-projects-');
  const { io } = work;

  it('checks with --dry-run, imports, and lists row errors with exit code 1', async () => {
    await work.seed();

    const blank = await template(t.users.admin, 'projects');
    const good = work.file('leads.xlsx');
    fs.writeFileSync(
      good,
      await filledTemplate(blank, [['示例命令行项目', 'CH02', '', '', '', '衡阳县', '', '', '3000', '', '', '', '2024-02-01', '']]),
    );
    const dry = io();
    expect(await runCli(['import-projects', good, '--dry-run'], dry)).toBe(0);
    expect(dry.lines.at(-1)).toContain('将导入 (would import) 1');
    const real = io();
    expect(await runCli(['import-projects', good], real)).toBe(0);
    expect(real.lines.at(-1)).toContain('已导入 (imported): 1 行 (rows)，1 个项目');

    const months = work.file('months.xlsx');
    fs.writeFileSync(
      months,
      await filledTemplate(await template(t.users.admin, 'investment'), [
        ['1', '2024-03', '100', '80'],
        ['99999', '2024-03', 'x', ''],
      ]),
    );
    const failed = io();
    expect(await runCli(['import-investment', months], failed)).toBe(1);
    expect(failed.errors.join('\n')).toContain('第 3 行 (row 3) 项目编号 [99999]');
    expect(failed.errors.join('\n')).toContain('第 3 行 (row 3) 完成投资(万元) [x]');
    const fixed = work.file('months-fixed.xlsx');
    fs.writeFileSync(fixed, await filledTemplate(await template(t.users.admin, 'investment'), [['1', '2024-03', '100', '80']]));
    const ok = io();
    expect(await runCli(['import-investment', fixed], ok)).toBe(0);
    expect(ok.lines.at(-1)).toContain('1 个月度记录');
  });
});
