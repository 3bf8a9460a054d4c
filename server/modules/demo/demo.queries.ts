// SQL of the demo module: counts that guard seeding, the batched inserts of the seeder, and the
// calibration query that checks the published Jan–Jun 2024 figures.
import { parseRows } from '../../db/sql.js';
import { z } from 'zod';
import { count, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  chainNodeEdges,
  chainNodes,
  chains,
  chainTargets,
  enterpriseMemberships,
  enterprises,
  enterpriseScaleYears,
  industries,
  monthlyFigures,
  parkFocusChains,
  parks,
  regions,
} from '../../db/schema.js';
import { membershipInYearSql } from '../enterprises/memberships.sql.js';
import type { ChainTargetRow } from './master-rows.js';
import type { DemoDataset, ReferenceDataset } from './generate.js';

/** PostgreSQL takes at most 65,535 bind parameters per statement; rows go in chunks well below it. */
const MAX_PARAMS = 60_000;

function chunked<T>(rows: readonly T[], paramsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / paramsPerRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

export async function countEnterprises(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(enterprises);
  return row?.n ?? 0;
}

export async function countChains(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(chains);
  return row?.n ?? 0;
}

/** Database ids of parks (by name) and chain nodes (by `chainCode:key`). */
export type MasterIds = { parkIds: Map<string, number>; nodeIds: Map<string, number> };

/**
 * Inserts the reference master data, keeping whatever already exists (a database seeded with
 * reference data only, possibly edited since). With `fillMasters`, chains whose chain-master list
 * is empty get the demo's list.
 */
export async function insertReferenceRows(db: Db, data: ReferenceDataset, options: { fillMasters: boolean }): Promise<MasterIds> {
  await db.insert(regions).values(data.regions).onConflictDoNothing();
  await db.insert(parks).values(data.parks).onConflictDoNothing();
  await db.insert(industries).values(data.industries).onConflictDoNothing();
  if (options.fillMasters) {
    await db
      .insert(chains)
      .values(data.chains)
      .onConflictDoUpdate({
        target: chains.code,
        set: { chainMasters: sql`excluded.chain_masters` },
        setWhere: sql`${chains.chainMasters} = '{}'`,
      });
  } else {
    await db.insert(chains).values(data.chains).onConflictDoNothing();
  }
  await db.insert(chainNodes).values(data.chainNodes).onConflictDoNothing();

  const parkRows = await db.select({ id: parks.id, name: parks.name }).from(parks);
  const nodeRows = await db.select({ id: chainNodes.id, chainCode: chainNodes.chainCode, key: chainNodes.key }).from(chainNodes);
  const ids: MasterIds = {
    parkIds: new Map(parkRows.map((p) => [p.name, p.id])),
    nodeIds: new Map(nodeRows.map((n) => [`${n.chainCode}:${n.key}`, n.id])),
  };
  const focus = data.parkFocusChains.flatMap((f) => {
    const parkId = ids.parkIds.get(f.parkName);
    return parkId === undefined ? [] : [{ parkId, chainCode: f.chainCode }];
  });
  if (focus.length > 0) await db.insert(parkFocusChains).values(focus).onConflictDoNothing();
  const edges = data.chainEdges.map((e) => ({
    chainCode: e.chainCode,
    fromNodeId: nodeIdOf(ids, e.chainCode, e.fromKey),
    toNodeId: nodeIdOf(ids, e.chainCode, e.toKey),
  }));
  if (edges.length > 0) await db.insert(chainNodeEdges).values(edges).onConflictDoNothing();
  return ids;
}

function nodeIdOf(ids: MasterIds, chainCode: string, key: string): number {
  const id = ids.nodeIds.get(`${chainCode}:${key}`);
  if (id === undefined) throw new Error(`chain node ${chainCode}:${key} is missing`);
  return id;
}

export async function insertChainTargets(db: Db, rows: readonly ChainTargetRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insert(chainTargets)
      .values([...rows])
      .onConflictDoNothing();
}

/** Inserts the demo enterprises with their 规上 years, memberships and monthly figures, in chunks. */
export async function insertDemoEnterprises(db: Db, data: DemoDataset, ids: MasterIds): Promise<void> {
  const enterpriseRows = data.enterprises.map(({ parkName, ...e }) => ({
    ...e,
    parkId: parkName === null ? null : (ids.parkIds.get(parkName) ?? null),
  }));
  for (const chunk of chunked(enterpriseRows, 10)) await db.insert(enterprises).values(chunk);
  for (const chunk of chunked(data.scaleYears, 2)) await db.insert(enterpriseScaleYears).values(chunk);
  const membershipRows = data.memberships.map((m) => ({
    uscc: m.uscc,
    nodeId: nodeIdOf(ids, m.chainCode, m.nodeKey),
    isPrimary: m.isPrimary,
  }));
  for (const chunk of chunked(membershipRows, 3)) await db.insert(enterpriseMemberships).values(chunk);
  for (const chunk of chunked(data.monthlyFigures, 11)) await db.insert(monthlyFigures).values(chunk);
}

/** One chain's (or, with chainCode null, the deduplicated total's) year-to-date output and comparable growth. */
export type ChainYtdRow = {
  chainCode: string | null;
  /** Gross output of every firm in scope, 元. */
  output: number;
  /** Output of the firms that have a full comparable base, 元. */
  comparableOutput: number;
  /** Their output in the same months a year earlier, 元. */
  base: number;
  /** comparableOutput / base − 1, a fraction. */
  yoy: number | null;
  enterpriseCount: number;
  /** Firms in scope without a full prior-year base (new plants): left out of the growth rate. */
  excludedFromGrowth: number;
};

/**
 * Year-to-date (January … `month` of `year`) gross output and comparable-basis growth by chain,
 * plus the deduplicated total (chainCode null, each firm once however many chains it is in).
 * Scope: firms in the `year` 规上 名录 with a membership in a chain on that year's list. Growth
 * compares the same firms' months a year earlier; a firm missing any of those months has no base
 * and is excluded from both sides and counted. Used to check the demo calibration; the statistics
 * engine of the monitoring module computes the published figures.
 */
export async function selectChainYtdComparison(db: Db, input: { year: number; month: number }): Promise<ChainYtdRow[]> {
  const mm = String(input.month).padStart(2, '0');
  const from = `${input.year}-01`;
  const to = `${input.year}-${mm}`;
  const baseFrom = `${input.year - 1}-01`;
  const baseTo = `${input.year - 1}-${mm}`;
  const result = parseRows(
    await db.execute(sql`
    WITH scope AS (
      SELECT DISTINCT m.uscc, n.chain_code
        FROM enterprise_memberships m
        JOIN chain_nodes n ON n.id = m.node_id
        JOIN chains c ON c.code = n.chain_code
        JOIN enterprise_scale_years s ON s.uscc = m.uscc AND s.year = ${input.year}
       WHERE ${membershipInYearSql('m', input.year)}
         AND c.valid_from_year <= ${input.year} AND (c.valid_to_year IS NULL OR c.valid_to_year >= ${input.year})
    ),
    firm AS (
      SELECT f.uscc,
             sum(f.gross_output) FILTER (WHERE f.period BETWEEN ${from} AND ${to}) AS output,
             sum(f.gross_output) FILTER (WHERE f.period BETWEEN ${baseFrom} AND ${baseTo}) AS base,
             count(f.gross_output) FILTER (WHERE f.period BETWEEN ${baseFrom} AND ${baseTo}) AS base_months
        FROM monthly_figures f
       WHERE f.uscc IN (SELECT uscc FROM scope)
         AND (f.period BETWEEN ${from} AND ${to} OR f.period BETWEEN ${baseFrom} AND ${baseTo})
       GROUP BY f.uscc
    ),
    firm_chain AS (
      SELECT s.chain_code, s.uscc, coalesce(f.output, 0) AS output, f.base,
             coalesce(f.base_months, 0) = ${input.month} AS has_base
        FROM scope s
        LEFT JOIN firm f ON f.uscc = s.uscc
    ),
    per_chain AS (
      SELECT chain_code, output, base, has_base FROM firm_chain
      UNION ALL
      SELECT DISTINCT ON (uscc) NULL, output, base, has_base FROM firm_chain
    )
    SELECT chain_code,
           sum(output)::bigint AS output,
           coalesce(sum(output) FILTER (WHERE has_base), 0)::bigint AS comparable_output,
           coalesce(sum(base) FILTER (WHERE has_base), 0)::bigint AS base,
           (sum(output) FILTER (WHERE has_base))::float8 / nullif(sum(base) FILTER (WHERE has_base), 0)::float8 - 1 AS yoy,
           count(*)::int AS enterprise_count,
           (count(*) FILTER (WHERE NOT has_base))::int AS excluded_from_growth
      FROM per_chain
     GROUP BY chain_code
     ORDER BY chain_code NULLS FIRST`),
    z.object({
      chain_code: z.string().nullable(),
      output: z.number(),
      comparable_output: z.number(),
      base: z.number(),
      yoy: z.number().nullable(),
      enterprise_count: z.number(),
      excluded_from_growth: z.number(),
    }),
  );
  return result.map((r) => ({
    chainCode: r.chain_code,
    output: r.output,
    comparableOutput: r.comparable_output,
    base: r.base,
    yoy: r.yoy,
    enterpriseCount: r.enterprise_count,
    excludedFromGrowth: r.excluded_from_growth,
  }));
}
