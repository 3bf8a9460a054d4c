// A province-sized dataset for scale measurements (`npm run cli -- generate-province`): 40 chains
// with their nodes, 120 counties, 150 parks, tens of thousands of 规上 firms with their chain
// memberships by year and five years of monthly figures. Everything is fictional and marked 示例.
//
// Deterministic: the same arguments give the same rows. Master data comes from the demo's seeded
// PRNG (server/modules/demo/prng.ts); the monthly figures are computed inside PostgreSQL from each
// firm's drawn parameters and a counter-based random number (md5 of seed, firm and month), so the
// millions of rows never cross the wire: one INSERT … SELECT per year is faster than COPY from the
// client and needs no extra driver.
import { sql, type SQL } from 'drizzle-orm';
import { makeUscc, USCC_CHARSET } from '../../../shared/uscc.js';
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { createRandom } from '../demo/prng.js';
import { publishHistoryMonths } from '../periods/periods.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { enterprises } from '../../db/schema.js';

export type ProvinceOptions = {
  enterprises: number;
  months: number;
  /** The last month generated, YYYY-MM; it is left 采集中 (collecting) so a benchmark can publish it. */
  end: string;
  seed: number;
  /** Progress lines. */
  log?: (line: string) => void;
};

export type ProvinceReport = {
  enterprises: number;
  figureRows: number;
  revisedRows: number;
  publishedMonths: number;
  from: string;
  to: string;
  elapsedMs: number;
};

export const PROVINCE_CHAINS = 40;
export const PROVINCE_COUNTIES = 120;
export const PROVINCE_PARKS = 150;
const NODES_PER_CHAIN = 8;
const SUFFIX = '(示例)';

const INDUSTRY_NAMES = ['装备制造', '电子信息', '新材料', '生物医药', '汽车', '食品加工', '能源电力', '化工', '纺织服装', '建材'];
const CHAIN_WORDS = [
  '工程机械',
  '输变电装备',
  '数控机床',
  '轨道交通装备',
  '集成电路',
  '新型显示',
  '智能终端',
  '软件信息',
  '先进钢铁',
  '有色金属',
  '先进陶瓷',
  '碳纤维',
  '中药',
  '化学药',
  '医疗器械',
  '生物制品',
  '新能源汽车',
  '汽车零部件',
  '智能网联',
  '动力电池',
  '粮油加工',
  '肉类加工',
  '饮料',
  '茶叶',
  '光伏',
  '风电装备',
  '储能',
  '氢能',
  '精细化工',
  '化肥农药',
  '塑料制品',
  '化纤',
  '服装',
  '家纺',
  '水泥',
  '玻璃',
  '陶瓷卫浴',
  '绿色建材',
  '航空航天',
  '北斗导航',
];
const NODE_WORDS = ['原材料', '基础零部件', '核心部件', '关键材料', '整机制造', '系统集成', '应用服务', '配套服务'];
const FIRM_WORDS = [
  '华鑫',
  '恒达',
  '瑞丰',
  '金泰',
  '宏远',
  '中联',
  '新源',
  '嘉禾',
  '天成',
  '永盛',
  '博远',
  '鼎新',
  '汇通',
  '长城',
  '东方',
  '万和',
];
const FIRM_FORMS = ['有限公司', '股份有限公司', '科技有限公司', '制造有限公司'];
/** Seasonality of monthly output by calendar month (February low for the Spring Festival, December high). */
const SEASON = [0.78, 0.66, 1.02, 1.0, 1.02, 1.06, 0.98, 0.98, 1.04, 1.02, 1.08, 1.36];

/** The month `n` months after `period` (negative: before). */
export function addMonths(period: string, n: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A firm's organisation-code body from its index: `MA4` and five characters of the USCC alphabet. */
function bodyOf(index: number): string {
  let rest = index;
  let tail = '';
  for (let i = 0; i < 5; i += 1) {
    tail = (USCC_CHARSET[rest % USCC_CHARSET.length] ?? '0') + tail;
    rest = Math.floor(rest / USCC_CHARSET.length);
  }
  return `MA4${tail}`;
}

type Firm = {
  uscc: string;
  name: string;
  region: string;
  parkId: number | null;
  /** Monthly gross output in the first year, 元 (before seasonality). */
  size: number;
  growth: number;
  margin: number;
  firstYear: number;
  lastYear: number;
  /** Share of months whose 上年同期 the firm reports with the month. */
  reportsPrev: number;
  master: boolean;
};

/** Runs the whole generation; refuses when the database already holds enterprises. */
export async function generateProvince(db: Db, options: ProvinceOptions): Promise<ProvinceReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const { seed } = options;
  const to = options.end;
  const from = addMonths(to, -(options.months - 1));
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  if ((await db.$count(enterprises)) > 0) {
    throw new Error('数据库中已有企业，不生成 (the database already holds enterprises: generate into an empty database)');
  }

  // ── geography, industries, chains and nodes ──
  const rGeo = createRandom(seed, 'province:geography');
  const regions = Array.from({ length: PROVINCE_COUNTIES }, (_, i) => {
    const city = Math.floor(i / 10) + 1;
    const county = (i % 10) + 21;
    return {
      code: `43${String(city).padStart(2, '0')}${county}`,
      name: `示例${city}市第${(i % 10) + 1}县${SUFFIX}`,
      short: `示例${city}-${(i % 10) + 1}县`,
    };
  });
  await db.execute(sql`INSERT INTO regions (code, name, short_name, kind)
    SELECT code, name, short, 'county' FROM unnest(${sql.param(regions.map((r) => r.code))}::text[], ${sql.param(regions.map((r) => r.name))}::text[], ${sql.param(regions.map((r) => r.short))}::text[]) AS t(code, name, short)`);
  const parks = Array.from({ length: PROVINCE_PARKS }, (_, i) => ({
    id: i + 1,
    name: `示例第${i + 1}产业园区${SUFFIX}`,
    short: `示例${i + 1}园`,
    level: i < 20 ? 'national' : 'provincial',
    region: rGeo.pick(regions).code,
  }));
  await db.execute(sql`INSERT INTO parks (id, name, short_name, level, region_code)
    OVERRIDING SYSTEM VALUE
    SELECT * FROM unnest(${sql.param(parks.map((p) => p.id))}::int[], ${sql.param(parks.map((p) => p.name))}::text[], ${sql.param(parks.map((p) => p.short))}::text[],
                         ${sql.param(parks.map((p) => p.level))}::text[], ${sql.param(parks.map((p) => p.region))}::text[])`);
  await db.execute(sql`SELECT setval(pg_get_serial_sequence('parks', 'id'), ${PROVINCE_PARKS})`);
  const industries = INDUSTRY_NAMES.map((name, i) => ({ code: `PV${String(i + 1).padStart(2, '0')}`, name: `${name}${SUFFIX}` }));
  await db.execute(sql`INSERT INTO industries (code, group_name, name, sort_order)
    SELECT code, '示例省重点产业', name, ord::int FROM unnest(${sql.param(industries.map((i) => i.code))}::text[], ${sql.param(industries.map((i) => i.name))}::text[]) WITH ORDINALITY AS t(code, name, ord)`);
  // The last chain joins the list in the last year and one leaves it the year before: the lists change by year.
  const chains = CHAIN_WORDS.slice(0, PROVINCE_CHAINS).map((word, i) => ({
    code: `PC${String(i + 1).padStart(2, '0')}`,
    name: `${word}产业链${SUFFIX}`,
    industry: industries[i % industries.length]?.code ?? 'PV01',
    validFrom: i === PROVINCE_CHAINS - 1 ? lastYear : firstYear - 5,
    validTo: i === PROVINCE_CHAINS - 2 ? lastYear - 1 : null,
  }));
  await db.execute(sql`INSERT INTO chains (code, industry_code, name, valid_from_year, valid_to_year, sort_order)
    SELECT code, industry, name, vf, vt, ord::int
      FROM unnest(${sql.param(chains.map((c) => c.code))}::text[], ${sql.param(chains.map((c) => c.industry))}::text[], ${sql.param(chains.map((c) => c.name))}::text[],
                  ${sql.param(chains.map((c) => c.validFrom))}::int[], ${sql.param(chains.map((c) => c.validTo))}::int[]) WITH ORDINALITY AS t(code, industry, name, vf, vt, ord)`);
  const nodes = chains.flatMap((c, ci) =>
    NODE_WORDS.slice(0, NODES_PER_CHAIN).map((word, ni) => ({
      id: ci * NODES_PER_CHAIN + ni + 1,
      chain: c.code,
      key: `n${ni + 1}`,
      name: `${word}${SUFFIX}`,
      stage: ni < 3 ? 'upstream' : ni < 6 ? 'midstream' : 'downstream',
    })),
  );
  await db.execute(sql`INSERT INTO chain_nodes (id, chain_code, key, name, stage, sort_order)
    OVERRIDING SYSTEM VALUE
    SELECT id, chain, key, name, stage, id FROM unnest(${sql.param(nodes.map((n) => n.id))}::int[], ${sql.param(nodes.map((n) => n.chain))}::text[],
      ${sql.param(nodes.map((n) => n.key))}::text[], ${sql.param(nodes.map((n) => n.name))}::text[], ${sql.param(nodes.map((n) => n.stage))}::text[]) AS t(id, chain, key, name, stage)`);
  await db.execute(sql`SELECT setval(pg_get_serial_sequence('chain_nodes', 'id'), ${nodes.length})`);
  await db.execute(sql`INSERT INTO chain_node_edges (chain_code, from_node_id, to_node_id)
    SELECT chain_code, id, id + 1 FROM chain_nodes WHERE key <> ${`n${NODES_PER_CHAIN}`}`);
  log(`地区 ${regions.length}、园区 ${parks.length}、产业链 ${chains.length}、环节 ${nodes.length} (regions, parks, chains, nodes)`);

  // ── firms, 规上 years and memberships ──
  const firms: Firm[] = [];
  const parksByRegion = new Map<string, number[]>();
  for (const p of parks) parksByRegion.set(p.region, [...(parksByRegion.get(p.region) ?? []), p.id]);
  const memberships: { uscc: string; node: number; primary: boolean; from: number | null; to: number | null }[] = [];
  for (let i = 0; i < options.enterprises; i += 1) {
    const r = createRandom(seed, `province:firm:${i}`);
    const region = r.pick(regions).code;
    const regionParks = parksByRegion.get(region) ?? [];
    const parkId = regionParks.length > 0 && r.chance(0.65) ? r.pick(regionParks) : null;
    // Heavy tail: most firms just above the 20 million 元 a year line, a few in the billions.
    const size = Math.round(1_900_000 * r.heavyTail() * r.range(0.9, 1.6));
    const entering = r.chance(0.12);
    const leaving = r.chance(0.08);
    const first = entering ? r.int(firstYear + 1, lastYear) : firstYear;
    const last = leaving ? r.int(first, lastYear - 1) : lastYear;
    const master = size > 60_000_000 && r.chance(0.3);
    firms.push({
      uscc: makeUscc(`91${region}${bodyOf(i)}`),
      name: `${regions.find((g) => g.code === region)?.short.slice(0, 4) ?? '示例'}${r.pick(FIRM_WORDS)}${r.pick(NODE_WORDS).slice(0, 2)}${r.pick(FIRM_FORMS)}${SUFFIX}`,
      region,
      parkId,
      size,
      growth: r.range(-0.08, 0.22),
      margin: r.range(-0.04, 0.12),
      firstYear: first,
      lastYear: last,
      reportsPrev: r.chance(0.7) ? 1 : r.range(0.5, 0.95),
      master,
    });
    const uscc = firms[i]?.uscc ?? '';
    const chain = r.int(0, PROVINCE_CHAINS - 1);
    const node = chain * NODES_PER_CHAIN + r.int(1, NODES_PER_CHAIN);
    if (r.chance(0.04)) {
      // Reclassified in a middle year: the old node until the year before, the new one from then on.
      const year = r.int(firstYear + 1, lastYear);
      const moved = chain * NODES_PER_CHAIN + ((node % NODES_PER_CHAIN) + 1);
      memberships.push({ uscc, node, primary: false, from: null, to: year - 1 });
      memberships.push({ uscc, node: moved, primary: true, from: year, to: null });
    } else {
      memberships.push({ uscc, node, primary: true, from: null, to: null });
    }
    if (r.chance(0.15)) {
      const other = (chain + r.int(1, PROVINCE_CHAINS - 1)) % PROVINCE_CHAINS;
      memberships.push({ uscc, node: other * NODES_PER_CHAIN + r.int(1, NODES_PER_CHAIN), primary: false, from: null, to: null });
    }
  }
  const BATCH = 10_000;
  for (let i = 0; i < firms.length; i += BATCH) {
    const part = firms.slice(i, i + BATCH);
    await db.execute(sql`INSERT INTO enterprises (uscc, name, region_code, park_id, is_chain_master, is_demo)
      SELECT uscc, name, region, park, master, true
        FROM unnest(${sql.param(part.map((f) => f.uscc))}::text[], ${sql.param(part.map((f) => f.name))}::text[], ${sql.param(part.map((f) => f.region))}::text[],
                    ${sql.param(part.map((f) => f.parkId))}::int[], ${sql.param(part.map((f) => f.master))}::boolean[]) AS t(uscc, name, region, park, master)`);
    await db.execute(sql`INSERT INTO enterprise_scale_years (uscc, year)
      SELECT uscc, generate_series(fy, ly) FROM unnest(${sql.param(part.map((f) => f.uscc))}::text[], ${sql.param(part.map((f) => f.firstYear))}::int[],
                                                       ${sql.param(part.map((f) => f.lastYear))}::int[]) AS t(uscc, fy, ly)`);
  }
  for (let i = 0; i < memberships.length; i += BATCH) {
    const part = memberships.slice(i, i + BATCH);
    await db.execute(sql`INSERT INTO enterprise_memberships (uscc, node_id, is_primary, valid_from_year, valid_to_year)
      SELECT * FROM unnest(${sql.param(part.map((m) => m.uscc))}::text[], ${sql.param(part.map((m) => m.node))}::int[], ${sql.param(part.map((m) => m.primary))}::boolean[],
                           ${sql.param(part.map((m) => m.from))}::int[], ${sql.param(part.map((m) => m.to))}::int[])`);
  }
  log(`企业 ${firms.length}、链上归属 ${memberships.length} (firms, memberships)`);

  // ── monthly figures, computed in the database from each firm's parameters ──
  await db.execute(sql`CREATE TEMP TABLE province_params (idx int PRIMARY KEY, uscc char(18), size float8, growth float8, margin float8,
                                                          first_year int, last_year int, reports_prev float8) ON COMMIT PRESERVE ROWS`);
  for (let i = 0; i < firms.length; i += BATCH) {
    const part = firms.slice(i, i + BATCH);
    await db.execute(sql`INSERT INTO province_params
      SELECT * FROM unnest(${sql.param(part.map((_, j) => i + j))}::int[], ${sql.param(part.map((f) => f.uscc))}::text[], ${sql.param(part.map((f) => f.size))}::float8[],
                           ${sql.param(part.map((f) => f.growth))}::float8[], ${sql.param(part.map((f) => f.margin))}::float8[], ${sql.param(part.map((f) => f.firstYear))}::int[],
                           ${sql.param(part.map((f) => f.lastYear))}::int[], ${sql.param(part.map((f) => f.reportsPrev))}::float8[])`);
  }
  const season = sql.raw(`ARRAY[${SEASON.join(',')}]::float8[]`);
  // u(k, t): uniform in [0, 1) from md5(seed, firm, month t, stream k): the same on every run.
  const u = (stream: string, t: SQL) =>
    sql`((('x' || substr(md5(${String(seed)} || ':' || p.idx || ':' || ${t} || ':' || ${stream}), 1, 8))::bit(32)::bigint) / 4294967296.0)`;
  // Gross output of month index t (months since year 0) for firm p: size × growth^years × season × noise.
  const output = (t: SQL) =>
    sql`round(p.size * power(1 + p.growth, (${t} - ${firstYear * 12}) / 12.0) * (${season})[(${t}) % 12 + 1] * (0.94 + 0.12 * ${u('o', t)}))::bigint`;
  const t = sql`m.t`;
  const tPrev = sql`(m.t - 12)`;
  let figureRows = 0;
  for (let year = firstYear; year <= lastYear; year += 1) {
    const lo = Math.max(year * 12, Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1);
    const hi = Math.min(year * 12 + 11, lastYear * 12 + Number(to.slice(5, 7)) - 1);
    const inserted = await db.execute(sql`
      INSERT INTO monthly_figures (uscc, period, gross_output, revenue, profit, taxes, electricity_kwh, employees,
                                   prev_year_gross_output, prev_year_revenue, prev_year_profit, prev_year_taxes, source, updated_at)
      SELECT uscc, period, v, rev, round(rev * margin)::bigint, round(rev * 0.035)::bigint, round(v / 9.0)::bigint,
             greatest(20, round(size / 60000.0))::int,
             CASE WHEN reports THEN pv END, CASE WHEN reports THEN round(pv * 0.96)::bigint END,
             CASE WHEN reports THEN round(pv * 0.96 * margin)::bigint END, CASE WHEN reports THEN round(pv * 0.96 * 0.035)::bigint END,
             'import', make_timestamptz(${year}, 1, 1, 0, 0, 0, 'UTC') + (m_t - ${year * 12} + 1) * interval '1 month' + interval '12 days'
        FROM (
          SELECT p.uscc, p.size, p.margin, m.t AS m_t,
                 (m.t / 12)::text || '-' || lpad((m.t % 12 + 1)::text, 2, '0') AS period,
                 ${output(t)} AS v,
                 round(${output(t)} * (0.93 + 0.06 * ${u('r', t)}))::bigint AS rev,
                 ${output(tPrev)} AS pv,
                 ${u('p', t)} < p.reports_prev AS reports
            FROM province_params p
           CROSS JOIN generate_series(${lo}::int, ${hi}::int) AS m(t)
           WHERE ${year} BETWEEN p.first_year AND p.last_year
        ) AS f`);
    figureRows += inserted.rowCount ?? 0;
    log(
      `${year} 年月度数据 ${(inserted.rowCount ?? 0).toLocaleString('en-US')} 行 (monthly rows), 累计 ${figureRows.toLocaleString('en-US')}`,
    );
  }
  await db.execute(sql`DROP TABLE province_params`);
  await db.execute(sql`ANALYZE`);

  // ── publication of the past months, then a few revisions after publication ──
  const months = Array.from({ length: options.months - 1 }, (_, i) => addMonths(from, i));
  const published = await publishHistoryMonths(db, SYSTEM_ACTOR, months, { now: () => new Date(`${to}-15T00:00:00Z`) });
  log(`已发布 ${published} 个月 (months published as history)`);
  // 0.5% of the last three published months revised by +3% (the trigger keeps the published versions).
  const revisedFrom = addMonths(to, -3);
  const revisedTo = addMonths(to, -1);
  const revised = await db.execute(sql`
    WITH picked AS (
      SELECT uscc, period, gross_output AS old FROM monthly_figures
       WHERE period BETWEEN ${revisedFrom} AND ${revisedTo}
         AND ('x' || substr(md5(${String(seed)} || ':rev:' || uscc || period), 1, 4))::bit(16)::int < 328
    ),
    changed AS (
      UPDATE monthly_figures f SET gross_output = round(f.gross_output * 1.03)::bigint, updated_at = ${`${to}-14T08:00:00Z`}::timestamptz
        FROM picked p
       WHERE f.uscc = p.uscc AND f.period = p.period
      RETURNING f.uscc, f.period, p.old, f.gross_output
    )
    INSERT INTO monthly_figure_revisions (uscc, period, old_values, new_values, source, changed_by_name, changed_at)
    SELECT uscc, period, jsonb_build_object('grossOutput', old), jsonb_build_object('grossOutput', gross_output),
           'import', ${SYSTEM_ACTOR.displayName}, ${`${to}-14T08:00:00Z`}::timestamptz
      FROM changed`);
  log(`发布后修订 ${revised.rowCount ?? 0} 行 (rows revised after publication)`);
  await recordAudit(db, SYSTEM_ACTOR, {
    action: 'province_generate',
    entity: 'enterprise',
    after: { enterprises: firms.length, figureRows, from, to, seed },
  });
  await db.execute(sql`ANALYZE`);
  return {
    enterprises: firms.length,
    figureRows,
    revisedRows: revised.rowCount ?? 0,
    publishedMonths: published,
    from,
    to,
    elapsedMs: performance.now() - started,
  };
}
