// All SQL of review and publication: month statuses and their history, snapshots and their stored
// answers, coverage (firms expected vs reported), held-back figures, revisions since publication,
// and the dispositions of 预警 (review items among them).
import { isoSql, parseRows } from '../../db/sql.js';
import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import { PERIOD_STATUSES, type PeriodStatus } from '../../../shared/publication/workflow.js';
import type { Db } from '../../db/client.js';
import { missingFirm } from '../../../shared/contracts/periods.js';
import { figuresSql, membersSql, openReviewItemSql, type FiguresView, type FirmFilter } from '../monitoring/monitoring.sql.js';

export type SnapshotRow = {
  id: number;
  period: string;
  figuresVersion: number;
  publishedAt: string;
  publishedByName: string;
  expected: number;
  reported: number;
};

const snapshotColumns = z.object({
  id: z.number(),
  period: z.string(),
  figures_version: z.number(),
  published_at: z.string(),
  published_by_name: z.string(),
  expected: z.number(),
  reported: z.number(),
});
type SnapshotColumns = z.infer<typeof snapshotColumns>;

function snapshotOf(r: SnapshotColumns): SnapshotRow {
  return {
    id: r.id,
    period: r.period,
    figuresVersion: r.figures_version,
    publishedAt: r.published_at,
    publishedByName: r.published_by_name,
    expected: r.expected,
    reported: r.reported,
  };
}

const SNAPSHOT_SELECT = sql`s.id::int AS id, s.period, s.figures_version, ${isoSql(sql`s.published_at`)} AS published_at, s.published_by_name, s.expected, s.reported`;

/** The statuses stored for the months from `from` to `to` (a month without a row is collecting). */
export async function selectPeriodStatuses(db: Db, from: string, to: string): Promise<Map<string, PeriodStatus>> {
  const result = parseRows(
    await db.execute(sql`SELECT period, status FROM period_statuses WHERE period BETWEEN ${from} AND ${to}`),
    z.object({ period: z.string(), status: z.enum(PERIOD_STATUSES) }),
  );
  return new Map(result.map((r) => [r.period, r.status]));
}

/** Creates or moves a month's status row. */
export async function upsertPeriodStatus(db: Db, period: string, status: PeriodStatus): Promise<void> {
  await db.execute(sql`
    INSERT INTO period_statuses (period, status, updated_at) VALUES (${period}, ${status}, now())
    ON CONFLICT (period) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`);
}

export async function insertPeriodEvent(
  db: Db,
  row: {
    period: string;
    action: string;
    from: PeriodStatus;
    to: PeriodStatus;
    reason: string | null;
    actorId: string | null;
    actorName: string;
  },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO period_events (period, action, from_status, to_status, reason, actor_id, actor_name)
    VALUES (${row.period}, ${row.action}, ${row.from}, ${row.to}, ${row.reason}, ${row.actorId}, ${row.actorName})`);
}

export type PeriodEventRow = { id: number; action: string; from: string; to: string; reason: string | null; actorName: string; at: string };

/** A month's status history, newest first. */
export async function selectPeriodEvents(db: Db, period: string): Promise<PeriodEventRow[]> {
  return parseRows(
    await db.execute(sql`
    SELECT id::int AS id, action, from_status AS "from", to_status AS "to", reason, actor_name AS "actorName", ${isoSql(sql`at`)} AS at
      FROM period_events WHERE period = ${period} ORDER BY id DESC`),
    z.object({
      id: z.number(),
      action: z.string(),
      from: z.string(),
      to: z.string(),
      reason: z.string().nullable(),
      actorName: z.string(),
      at: z.string(),
    }),
  );
}

/**
 * Locks monthly_figures against writes until the transaction ends and returns the highest figure
 * version: every row as it stands now has a version ≤ it, every later write a higher one.
 */
export async function lockFiguresVersion(db: Db): Promise<number> {
  await db.execute(sql`LOCK TABLE monthly_figures IN SHARE MODE`);
  const result = parseRows(
    await db.execute(sql`SELECT greatest(
      (SELECT coalesce(max(figure_version), 0) FROM monthly_figures),
      (SELECT coalesce(max(superseded_version), 0) FROM monthly_figure_versions))::bigint AS v`),
    z.object({ v: z.number() }),
  );
  return Number(result[0]?.v ?? 0);
}

export async function insertSnapshot(
  db: Db,
  row: { period: string; figuresVersion: number; publishedBy: string | null; publishedByName: string; expected: number; reported: number },
): Promise<SnapshotRow> {
  const result = await db.execute(sql`
    INSERT INTO period_snapshots AS s (period, figures_version, published_by, published_by_name, expected, reported)
    VALUES (${row.period}, ${row.figuresVersion}, ${row.publishedBy}, ${row.publishedByName}, ${row.expected}, ${row.reported})
    RETURNING ${SNAPSHOT_SELECT}`);
  const created = parseRows(result, snapshotColumns)[0];
  if (!created) throw new Error('insert period_snapshots returned no row');
  return snapshotOf(created);
}

/** Every snapshot of the months from `from` to `to`, newest first within a month. */
export async function selectSnapshots(db: Db, from: string, to: string): Promise<SnapshotRow[]> {
  const result = await db.execute(sql`
    SELECT ${SNAPSHOT_SELECT} FROM period_snapshots s WHERE s.period BETWEEN ${from} AND ${to} ORDER BY s.period, s.id DESC`);
  return parseRows(result, snapshotColumns).map(snapshotOf);
}

/** The latest snapshot of a month, or null when it was never published. */
export async function selectLatestSnapshot(db: Db, period: string): Promise<SnapshotRow | null> {
  const result = await db.execute(
    sql`SELECT ${SNAPSHOT_SELECT} FROM period_snapshots s WHERE s.period = ${period} ORDER BY s.id DESC LIMIT 1`,
  );
  const row = parseRows(result, snapshotColumns)[0];
  return row ? snapshotOf(row) : null;
}

/** The latest month that was ever published, or null. */
export async function selectLatestPublishedPeriod(db: Db): Promise<string | null> {
  const result = parseRows(
    await db.execute(sql`SELECT max(period) AS period FROM period_snapshots`),
    z.object({ period: z.string().nullable() }),
  );
  return result[0]?.period ?? null;
}

/** A stored answer of a snapshot, or null. */
export async function selectSnapshotAnswer(db: Db, snapshotId: number, key: string): Promise<unknown> {
  const result = parseRows(
    await db.execute(sql`SELECT answer FROM period_snapshot_answers WHERE snapshot_id = ${snapshotId} AND key = ${key}`),
    z.object({ answer: z.unknown() }),
  );
  return result[0]?.answer ?? null;
}

/** Stores an answer of a snapshot; a concurrent first read may have stored it already (the same answer). */
export async function insertSnapshotAnswer(db: Db, snapshotId: number, key: string, answer: unknown): Promise<void> {
  await db.execute(sql`
    INSERT INTO period_snapshot_answers (snapshot_id, key, answer) VALUES (${snapshotId}, ${key}, ${JSON.stringify(answer)}::jsonb)
    ON CONFLICT (snapshot_id, key) DO NOTHING`);
}

/** Rows of the month written after the snapshot (late reports and corrections): 发布后有 N 处修订. */
export async function countRevisionsSince(db: Db, period: string, version: number): Promise<number> {
  const result = parseRows(
    await db.execute(sql`SELECT count(*)::int AS n FROM monthly_figures WHERE period = ${period} AND figure_version > ${version}`),
    z.object({ n: z.number() }),
  );
  return result[0]?.n ?? 0;
}

export type CoverageDimension = 'chain' | 'region' | 'park';

const COVERAGE_KEY: Record<CoverageDimension, SQL> = {
  chain: sql.raw('chain_code'),
  region: sql.raw('region_code'),
  park: sql.raw(`coalesce(park_id::text, 'none')`),
};

function coverageLabelsSql(by: CoverageDimension): SQL {
  switch (by) {
    case 'chain':
      return sql`SELECT code, name, sort_order FROM chains`;
    case 'region':
      return sql`SELECT code, name, 0 AS sort_order FROM regions`;
    case 'park':
      return sql`SELECT id::text AS code, name, 0 AS sort_order FROM parks UNION ALL SELECT 'none', '园区外', 1`;
  }
}

export type CoverageRow = { code: string | null; name: string | null; expected: number; reported: number };

/**
 * Firms expected for a month (in the 规上 名录 of its year, on a chain of that year's list, allowed
 * by the filter) and those of them that reported gross output for it, in total (code null) and,
 * with `by`, per chain, county or park (a firm in two chains counts in both).
 */
export async function selectCoverage(
  db: Db,
  input: { period: string; filter: FirmFilter; view: FiguresView; by: CoverageDimension | null },
): Promise<CoverageRow[]> {
  const year = Number(input.period.slice(0, 4));
  const key = input.by === null ? sql`NULL::text` : COVERAGE_KEY[input.by];
  const grouped =
    input.by === null
      ? sql`SELECT NULL::text AS code, NULL::text AS name, count(*)::int AS expected, count(*) FILTER (WHERE reported)::int AS reported FROM firms`
      : sql`SELECT g.code, l.name, count(*)::int AS expected, count(*) FILTER (WHERE g.reported)::int AS reported
            FROM groups g LEFT JOIN (${coverageLabelsSql(input.by)}) l ON l.code = g.code
           GROUP BY g.code, l.name, l.sort_order ORDER BY l.sort_order, g.code`;
  const result = parseRows(
    await db.execute(sql`
    WITH members_now AS (${membersSql(year, input.filter)}),
    firms AS (
      SELECT m.uscc, EXISTS (SELECT 1 FROM ${figuresSql(input.view)} f WHERE f.uscc = m.uscc AND f.period = ${input.period} AND f.gross_output IS NOT NULL) AS reported
        FROM (SELECT DISTINCT uscc FROM members_now) AS m
    ),
    groups AS (SELECT DISTINCT mn.uscc, ${key} AS code, fi.reported FROM members_now mn JOIN firms fi ON fi.uscc = mn.uscc)
    ${grouped}`),
    z.object({ code: z.string().nullable(), name: z.string().nullable(), expected: z.number(), reported: z.number() }),
  );
  return result;
}

export type MissingFirmRow = {
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string;
  parkName: string | null;
  chainCodes: string[];
};

/** The firms expected for a month that have not reported gross output for it, by USCC. */
export async function selectMissingFirms(db: Db, input: { period: string; filter: FirmFilter }): Promise<MissingFirmRow[]> {
  const year = Number(input.period.slice(0, 4));
  const result = parseRows(
    await db.execute(sql`
    WITH members_now AS (${membersSql(year, input.filter)})
    SELECT e.uscc, e.name, e.region_code AS "regionCode", r.name AS "regionName", p.name AS "parkName", m.chain_codes AS "chainCodes"
      FROM (SELECT uscc, array_agg(DISTINCT chain_code ORDER BY chain_code) AS chain_codes FROM members_now GROUP BY uscc) AS m
      JOIN enterprises e ON e.uscc = m.uscc
      JOIN regions r ON r.code = e.region_code
      LEFT JOIN parks p ON p.id = e.park_id
     WHERE NOT EXISTS (SELECT 1 FROM monthly_figures f WHERE f.uscc = m.uscc AND f.period = ${input.period} AND f.gross_output IS NOT NULL)
     ORDER BY e.region_code, e.uscc`),
    missingFirm,
  );
  return result;
}

/**
 * What is held back of a range: the firms in scope for `year` with a figure row from `from` to `to`
 * under an open review item, and the gross output of those rows (each firm-month once).
 */
export async function selectHeldBack(
  db: Db,
  input: { year: number; from: string; to: string; filter: FirmFilter },
): Promise<{ enterprises: number; output: number }> {
  const result = parseRows(
    await db.execute(sql`
    WITH members_now AS (${membersSql(input.year, input.filter)})
    SELECT count(DISTINCT f.uscc)::int AS enterprises, coalesce(sum(f.gross_output), 0)::bigint AS output
      FROM monthly_figures f
     WHERE f.period BETWEEN ${input.from} AND ${input.to}
       AND f.uscc IN (SELECT uscc FROM members_now)
       AND ${openReviewItemSql('f')}`),
    z.object({ enterprises: z.number(), output: z.number() }),
  );
  const row = result[0];
  return { enterprises: row?.enterprises ?? 0, output: Number(row?.output ?? 0) };
}

/** Firms expected in a year (viewer's filter) and, per month, those that reported gross output (live figures). */
export async function selectCoverageByMonth(
  db: Db,
  input: { year: number; months: readonly string[]; filter: FirmFilter },
): Promise<Map<string, { expected: number; reported: number }>> {
  const result = parseRows(
    await db.execute(sql`
    WITH members_now AS (${membersSql(input.year, input.filter)}),
    firms AS (SELECT DISTINCT uscc FROM members_now)
    SELECT p.period, (SELECT count(*) FROM firms)::int AS expected, count(f.uscc)::int AS reported
      FROM unnest(${sql.param([...input.months])}::text[]) AS p(period)
      LEFT JOIN monthly_figures f ON f.period = p.period AND f.gross_output IS NOT NULL AND f.uscc IN (SELECT uscc FROM firms)
     GROUP BY p.period`),
    z.object({ period: z.string(), expected: z.number(), reported: z.number() }),
  );
  return new Map(result.map((r) => [r.period, { expected: r.expected, reported: r.reported }]));
}

/** Whether any firm reported gross output for the month. */
export async function hasFigures(db: Db, period: string): Promise<boolean> {
  const result = parseRows(
    await db.execute(sql`SELECT EXISTS (SELECT 1 FROM monthly_figures WHERE period = ${period} AND gross_output IS NOT NULL) AS found`),
    z.object({ found: z.boolean() }),
  );
  return result[0]?.found === true;
}

/** The chains on a year's list (their codes). */
export async function selectChainCodesOfYear(db: Db, year: number): Promise<string[]> {
  const result = parseRows(
    await db.execute(sql`
    SELECT code FROM chains WHERE valid_from_year <= ${year} AND coalesce(valid_to_year, 9999) >= ${year} ORDER BY sort_order, code`),
    z.object({ code: z.string() }),
  );
  return result.map((r) => r.code);
}
