// 五单 of CH02 (输变电装备产业链) through the API: targets with tracking, the major projects at 开工, the
// projects at 线索/在谈/签约, the open tickets, each with rows made here; and the 五单一图谱 workbook.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { buildFirm } from '../../test/factories/chains.js';
import { publishHistory } from '../../test/factories/common.js';
import { loadWorkbook } from '../../test/factories/enterprises.js';
import { insertMonths } from '../../test/factories/figures.js';
import { buildProject } from '../../test/factories/projects.js';
import type { Db } from '../../db/client.js';

let firm = '';

async function data(db: Db): Promise<void> {
  // One 规上 firm on xfmr making 1000 元 a month in the first half of 2024: YTD June = 6000.
  firm = await buildFirm(db, { name: '甲变压器(示例)', nodes: ['CH02:xfmr'], aboveScaleYears: [2024] });
  await insertMonths(db, firm, Object.fromEntries([1, 2, 3, 4, 5, 6].map((m) => [`2024-0${m}`, { grossOutput: 1000 }])));
  await publishHistory(db, ['2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
}

const t = useTestApp({
  data,
  users: {
    admin: { role: 'admin' },
    chief02: { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    office05: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH05' }] },
    leader: { role: 'leader' },
    county: { role: 'county', scopes: [{ kind: 'region', ref: '430421' }] },
  },
});

const STARTED = { negotiating: '2024-01-10', signed: '2024-01-20', registered: '2024-02-01', land: '2024-02-10' };

async function fixtures() {
  const { admin } = t.users;
  const db = t.database.db;
  const lead = await buildProject(db, { name: '五单线索项目' });
  const talks = await buildProject(db, { name: '五单在谈项目' }, { to: 'negotiating' });
  const other = await buildProject(db, { name: '五单他链线索', chainCode: 'CH05', regionCode: '430482' });
  const major = await buildProject(
    db,
    { name: '五单在建项目', plannedInvestment: 2_000_000_000 },
    {
      to: 'started',
      on: '2024-03-01',
      skippedDates: STARTED,
    },
  );
  expect((await t.send('PUT', `/api/projects/${major.id}/major/2024`, admin, { annualPlan: 600_000_000 })).statusCode).toBe(200);
  expect(
    (await t.send('PUT', `/api/projects/${major.id}/investment/2024-03`, admin, { completed: 100_000_000, fundsArrived: 80_000_000 }))
      .statusCode,
  ).toBe(200);
  expect((await t.send('PUT', '/api/chains/CH02/targets/2024', admin, { outputTargetYuan: 24000, growthTarget: 0.1 })).statusCode).toBe(
    200,
  );
  const ticket = await t.send('POST', '/api/tickets', admin, {
    uscc: firm,
    category: 'land',
    title: '五单用地问题',
    description: '二期厂房需新增用地约30亩。',
  });
  expect(ticket.statusCode, ticket.body).toBe(201);
  return { lead, talks, other, major, ticketId: ticket.json().id as number };
}

describe('五单 of a chain', () => {
  it('lists the targets with tracking, the major projects at 开工, the projects at 线索/在谈/签约 and the open problems', async () => {
    const made = await fixtures();
    const lists = await t.read('/api/chains/CH02/five-lists?period=2024-06', t.users.chief02);
    expect(lists).toMatchObject({ code: 'CH02', period: '2024-06' });
    expect(lists.targets).toEqual([{ year: 2024, outputTargetYuan: 24000, growthTarget: 0.1, version: 1 }]);
    // 6000 of 24000: a quarter done.
    expect(lists.tracking).toMatchObject({ year: 2024, outputTarget: 24000, ytd: 6000, completion: 0.25 });
    expect(lists.majorProjects).toEqual([
      expect.objectContaining({
        projectId: made.major.id,
        name: '五单在建项目',
        stage: 'started',
        annualPlan: 600_000_000,
        completed: 100_000_000,
      }),
    ]);
    const investment = lists.investmentProjects.map((p: { id: number; stage: string }) => [p.id, p.stage]);
    expect(investment).toEqual(
      expect.arrayContaining([
        [made.lead.id, 'lead'],
        [made.talks.id, 'negotiating'],
      ]),
    );
    expect(investment.map(([id]: [number]) => id)).not.toContain(made.other.id);
    expect(investment.map(([id]: [number]) => id)).not.toContain(made.major.id);
    expect(lists.problems.map((p: { id: number; title: string }) => [p.id, p.title])).toEqual([[made.ticketId, '五单用地问题']]);
  });

  it('keeps to who reads the chain lists: another chain office gets 404, a county 403', async () => {
    expect((await t.get('/api/chains/CH02/five-lists?period=2024-06', t.users.office05)).statusCode).toBe(404);
    expect((await t.get('/api/chains/CH02/five-lists?period=2024-06', t.users.county)).statusCode).toBe(403);
    expect((await t.get('/api/chains/CH02/five-lists.xlsx?period=2024-06', t.users.county)).statusCode).toBe(403);
    expect((await t.get('/api/chains/CH02/five-lists?period=2024-06', t.users.leader)).statusCode).toBe(200);
  });

  it('downloads the 五单一图谱 workbook: six lists with their title, period and unit rows, and the map as a picture', async () => {
    const res = await t.get('/api/chains/CH02/five-lists.xlsx?period=2024-06', t.users.admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = await loadWorkbook(res.rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '发展目标清单',
      '在建重大项目清单',
      '重点招商项目清单',
      '重点问题清单',
      '招商目标企业清单',
      '可转化科技成果清单',
      '产业链图谱',
    ]);
    const targets = book.getWorksheet('发展目标清单');
    expect(targets?.getCell('A1').value).toBe('输变电装备产业链 · 发展目标清单');
    expect(String(targets?.getCell('A2').value)).toContain('统计期：2024-06（1–6月累计，已发布）');
    expect(String(targets?.getCell('A3').value)).toContain('单位：元');
    expect(targets?.getRow(4).values).toEqual([undefined, '年度', '产值目标(元)', '增速目标(%)']);
    expect(targets?.getRow(5).values).toEqual([undefined, 2024, 24000, 10]);
    const problems = book.getWorksheet('重点问题清单');
    expect(problems?.getCell('D5').value).toBe('五单用地问题');
    const map = book.getWorksheet('产业链图谱');
    expect(map?.getImages()).toHaveLength(1);
    const media = (book.model as unknown as { media: { extension: string; buffer: Buffer }[] }).media;
    expect(media[0]?.extension).toBe('png');
    // A PNG starts with \x89PNG.
    expect(media[0]?.buffer.subarray(1, 4).toString()).toBe('PNG');
  });
});
