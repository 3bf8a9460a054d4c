// Chain membership and 规上 years by year: a reclassification takes effect from a chosen year and
// leaves earlier years' statistics as they were; the enterprise import adds years and nodes unless
// asked to replace them, and a removal with figures behind it waits for an explicit accept.
//
// The world, by hand (gross output in 元, June of each year, every firm 规上 2023–2025):
//   X  CH04:cu   100 → 130 (2024) → 140 (2025)
//   Y  CH04:cu   100 →  95 (2024) →  95 (2025)
//   Z  CH07:cell 300 → 303 (2024) → 303 (2025)
// 2024-06: CH04 = 225 over 200 = +12.5% (double-digit), CH07 = 303 over 300 = +1%: 1 double-digit chain.
// Were X in CH07 in 2024, CH04 = 95/100 (−5%) and CH07 = 433/400 (+8.25%): no double-digit chain.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  EnterpriseDetailResponse,
  EnterpriseProfile,
  ImportReport,
  UpdateEnterpriseRequest,
} from '../../../shared/contracts/enterprises.js';
import type { MonitoringChainsResponse } from '../../../shared/contracts/monitoring.js';
import { monthlyFigures } from '../../db/schema.js';
import { useTestApp } from '../../test/app.js';
import { buildEnterprise, editBodyOf, postFile } from '../../test/factories/enterprises.js';

const firms: Record<'X' | 'Y' | 'Z', EnterpriseProfile> = {} as never;

const JUNE: Record<'X' | 'Y' | 'Z', [number, number, number]> = { X: [100, 130, 140], Y: [100, 95, 95], Z: [300, 303, 303] };

const t = useTestApp({ users: { admin: { role: 'admin' } } });
const { admin } = t.users;
beforeAll(async () => {
  const nodes = { X: 'CH04:cu', Y: 'CH04:cu', Z: 'CH07:cell' } as const;
  for (const key of ['X', 'Y', 'Z'] as const) {
    const [chainCode = '', nodeKey = ''] = nodes[key].split(':');
    firms[key] = await buildEnterprise(t.database.db, {
      name: `历史测试企业${key}`,
      aboveScaleYears: [2023, 2024, 2025],
      memberships: [{ chainCode, nodeKey, isPrimary: true }],
    });
    await t.database.db
      .insert(monthlyFigures)
      .values(JUNE[key].map((v, i) => ({ uscc: firms[key].uscc, period: `${2023 + i}-06`, grossOutput: v, source: 'manual' as const })));
  }
});

async function chains(period: string): Promise<MonitoringChainsResponse> {
  const res = await t.app.inject({ method: 'GET', url: `/api/monitoring/chains?period=${period}&range=month`, headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function chain(answer: MonitoringChainsResponse, code: string) {
  const found = answer.chains.find((c) => c.code === code);
  if (!found) throw new Error(`no ${code}`);
  return { output: found.output, outputPrevYear: found.outputPrevYear, enterpriseCount: found.enterpriseCount };
}

async function profile(key: 'X' | 'Y' | 'Z'): Promise<EnterpriseDetailResponse> {
  const res = await t.app.inject({ method: 'GET', url: `/api/enterprises/${firms[key].uscc}`, headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function put(key: 'X' | 'Y' | 'Z', body: UpdateEnterpriseRequest) {
  return t.app.inject({ method: 'PUT', url: `/api/enterprises/${firms[key].uscc}`, headers: admin.headers, payload: body });
}

const years = (p: EnterpriseProfile) =>
  p.memberships.map((m) => `${m.chainCode}:${m.nodeKey} ${m.validFromYear ?? '…'}–${m.validToYear ?? '…'}`);

describe('reclassifying a firm from a chosen year', () => {
  it('moves X from CH04 to CH07 from 2025: 2024 keeps its chain figures and double-digit count, 2025 uses the new chain', async () => {
    const before2024 = await chains('2024-06');
    expect(chain(before2024, 'CH04')).toEqual({ output: 225, outputPrevYear: 200, enterpriseCount: 2 });
    expect(chain(before2024, 'CH07')).toEqual({ output: 303, outputPrevYear: 300, enterpriseCount: 1 });
    expect(before2024.doubleDigitCount).toBe(1);

    const res = await put(
      'X',
      editBodyOf(firms.X, { memberships: [{ chainCode: 'CH07', nodeKey: 'cell', isPrimary: true }], effectiveFromYear: 2025 }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json<EnterpriseProfile>();
    expect(years(moved)).toEqual(['CH07:cell 2025–…', 'CH04:cu …–2024']);

    const after2024 = await chains('2024-06');
    expect(chain(after2024, 'CH04')).toEqual({ output: 225, outputPrevYear: 200, enterpriseCount: 2 });
    expect(chain(after2024, 'CH07')).toEqual({ output: 303, outputPrevYear: 300, enterpriseCount: 1 });
    expect(after2024.doubleDigitCount).toBe(1);
    expect(after2024.total.output).toBe(528);

    const after2025 = await chains('2025-06');
    // CH04: Y alone, 95 over 95; CH07: X and Z, 140 + 303 over 130 + 303.
    expect(chain(after2025, 'CH04')).toEqual({ output: 95, outputPrevYear: 95, enterpriseCount: 1 });
    expect(chain(after2025, 'CH07')).toEqual({ output: 443, outputPrevYear: 433, enterpriseCount: 2 });

    // The chain pages of each year list the firms of that year.
    const chainFirms = async (code: string, year: number) => {
      const r = await t.app.inject({ method: 'GET', url: `/api/chains/${code}?year=${year}`, headers: admin.headers });
      expect(r.statusCode, r.body).toBe(200);
      return r
        .json<{ enterprises: { uscc: string }[] }>()
        .enterprises.map((f) => f.uscc)
        .sort();
    };
    expect(await chainFirms('CH04', 2024)).toEqual([firms.X.uscc, firms.Y.uscc].sort());
    expect(await chainFirms('CH04', 2025)).toEqual([firms.Y.uscc]);
  });

  it('choosing 2024 instead moves 2024 too (and the planned 2025 start gives way): no double-digit chain in 2024', async () => {
    const current = await profile('X');
    const res = await put('X', editBodyOf(current, { effectiveFromYear: 2024 }));
    expect(res.statusCode, res.body).toBe(200);
    expect(years(res.json<EnterpriseProfile>())).toEqual(['CH07:cell 2024–…', 'CH04:cu …–2023']);
    const answer = await chains('2024-06');
    expect(chain(answer, 'CH04')).toEqual({ output: 95, outputPrevYear: 100, enterpriseCount: 1 });
    expect(chain(answer, 'CH07')).toEqual({ output: 433, outputPrevYear: 400, enterpriseCount: 2 });
    expect(answer.doubleDigitCount).toBe(0);
    const in2023 = await chains('2023-06');
    expect(chain(in2023, 'CH04')).toEqual({ output: 200, outputPrevYear: 0, enterpriseCount: 2 });
  });

  it('refuses to drop a 规上 year before the effective year, naming the year to choose, and changes nothing', async () => {
    const current = await profile('Y');
    const res = await put('Y', editBodyOf(current, { aboveScaleYears: [2024, 2025], effectiveFromYear: 2025 }));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toBe(
      '规上年度 2023 早于生效年度 2025，不能在此修改：生效年度以前的统计保持不变。如确需更改这些年份，请把“从哪一年起生效”设为 2023 年',
    );
    expect((await profile('Y')).aboveScaleYears).toEqual([2023, 2024, 2025]);
    // Adding 2026 from 2026 on is an ordinary edit.
    const fine = await put('Y', editBodyOf(current, { aboveScaleYears: [2023, 2024, 2025, 2026], effectiveFromYear: 2026 }));
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json<EnterpriseProfile>().aboveScaleYears).toEqual([2023, 2024, 2025, 2026]);
  });
});

async function fileOf(rows: Record<string, string>[]): Promise<Buffer> {
  const headers = ['统一社会信用代码', '企业名称', '所属区县', '规上年度', '产业链环节'];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function importFile(data: Buffer, query: string) {
  return postFile(t.app, admin, `/api/enterprises/import?${query}`, 'firms.xlsx', data);
}

describe('the enterprise import adds years and nodes; removing needs the replace option and an accept', () => {
  it('a list naming only 2025 keeps Z’s 2023–2024 规上 years and its 2024-06 figures', async () => {
    const before = await chains('2024-06');
    const file = await fileOf([
      { 统一社会信用代码: firms.Z.uscc, 企业名称: firms.Z.name, 所属区县: '衡阳县', 规上年度: '2025', 产业链环节: 'CH07:cell' },
    ]);
    const res = await importFile(file, 'dryRun=false');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportReport>()).toMatchObject({
      written: false,
      unchanged: 1,
      updated: 0,
      mode: 'add',
      warnings: [],
      removals: { scaleYears: 0, memberships: 0 },
    });
    expect((await profile('Z')).aboveScaleYears).toEqual([2023, 2024, 2025]);
    expect(chain(await chains('2024-06'), 'CH07')).toEqual(chain(before, 'CH07'));
  });

  it('with mode=replace lists each removal with figures behind it and writes nothing until accepted', async () => {
    const file = await fileOf([
      { 统一社会信用代码: firms.Z.uscc, 企业名称: firms.Z.name, 所属区县: '衡阳县', 规上年度: '2025', 产业链环节: 'CH04:cu' },
    ]);
    const dry = await importFile(file, 'dryRun=true&mode=replace&effectiveFromYear=2025');
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json<ImportReport>();
    expect(report).toMatchObject({
      written: false,
      updated: 1,
      mode: 'replace',
      effectiveFromYear: 2025,
      removals: { scaleYears: 2, memberships: 1 },
    });
    expect(report.warnings).toEqual([
      {
        uscc: firms.Z.uscc,
        name: firms.Z.name,
        kind: 'scaleYear',
        year: 2023,
        chainCode: null,
        nodeKey: null,
        years: [2023],
        months: 1,
        output: 300,
      },
      {
        uscc: firms.Z.uscc,
        name: firms.Z.name,
        kind: 'scaleYear',
        year: 2024,
        chainCode: null,
        nodeKey: null,
        years: [2024],
        months: 1,
        output: 303,
      },
      {
        uscc: firms.Z.uscc,
        name: firms.Z.name,
        kind: 'membership',
        year: 2025,
        chainCode: 'CH07',
        nodeKey: 'cell',
        years: [2025],
        months: 1,
        output: 303,
      },
    ]);

    const held = await importFile(file, 'dryRun=false&mode=replace&effectiveFromYear=2025');
    expect(held.json<ImportReport>()).toMatchObject({ written: false, confirmationRequired: true });
    expect((await profile('Z')).aboveScaleYears).toEqual([2023, 2024, 2025]);
    expect(chain(await chains('2024-06'), 'CH07').enterpriseCount).toBe(2);

    const accepted = await importFile(file, 'dryRun=false&mode=replace&effectiveFromYear=2025&acceptWarnings=true');
    expect(accepted.json<ImportReport>()).toMatchObject({ written: true, confirmationRequired: false, updated: 1 });
    const z = await profile('Z');
    expect(z.aboveScaleYears).toEqual([2025]);
    expect(years(z)).toEqual(['CH04:cu 2025–…', 'CH07:cell …–2024']);
    // 2024 loses Z (no longer 规上 that year): CH07 has X alone; 2025 has Z in CH04.
    expect(chain(await chains('2024-06'), 'CH07')).toEqual({ output: 130, outputPrevYear: 100, enterpriseCount: 1 });
    expect(chain(await chains('2025-06'), 'CH04')).toEqual({ output: 398, outputPrevYear: 398, enterpriseCount: 2 });
  });
});
