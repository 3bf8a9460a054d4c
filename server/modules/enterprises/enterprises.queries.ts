// SQL of the enterprise module: the scoped list, one firm's profile and monthly figures, the
// reference lookups that validate input, and the writes (firm row, 规上 years, memberships).
import { deleteAtVersion, parseRows } from '../../db/sql.js';
import { z } from 'zod';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../lib/like.js';
import { atVersion, bumpVersion, updatedOrConflict } from '../../lib/optimistic-lock.js';
import type { Db } from '../../db/client.js';
import {
  chainNodes,
  chains,
  enterpriseMemberships,
  enterprises,
  enterpriseScaleYears,
  monthlyFigures,
  parks,
  regions,
} from '../../db/schema.js';
import type { EnterpriseFlag } from '../../../shared/contracts/enterprises.js';
import type { EnterpriseScope } from './enterprises.policy.js';
import { membershipCurrentSql } from './memberships.sql.js';

/**
 * The outer firm's USCC inside correlated subqueries, always table-qualified: drizzle writes a bare
 * "uscc" for single-table selects, which inside a subquery would bind to the subquery's own column.
 */
const FIRM_USCC = sql.raw('"enterprises"."uscc"');

/** Current chains of the firm, its primary chain first, then by code. */
const chainCodesOf = () => sql<string[]>`coalesce((
  SELECT array_agg(c.chain_code ORDER BY c.is_primary DESC, c.chain_code)
    FROM (SELECT n.chain_code, bool_or(m.is_primary) AS is_primary
            FROM enterprise_memberships m
            JOIN chain_nodes n ON n.id = m.node_id
           WHERE m.uscc = ${FIRM_USCC} AND ${membershipCurrentSql('m')}
           GROUP BY n.chain_code) c), '{}'::text[])`;

/** The firm's 规上 years, ascending (a correlated subquery on the outer `enterprises` row). */
export const scaleYearsOf = sql<number[]>`coalesce((
  SELECT array_agg(y.year ORDER BY y.year) FROM enterprise_scale_years y WHERE y.uscc = ${FIRM_USCC}), '{}'::int[])`;

const listColumns = () => ({
  uscc: enterprises.uscc,
  name: enterprises.name,
  regionCode: enterprises.regionCode,
  regionName: regions.name,
  parkId: enterprises.parkId,
  parkName: parks.name,
  parkShortName: parks.shortName,
  chainCodes: chainCodesOf(),
  aboveScaleYears: scaleYearsOf,
  isChainMaster: enterprises.isChainMaster,
  isSpecialized: enterprises.isSpecialized,
  isHighTech: enterprises.isHighTech,
  isListed: enterprises.isListed,
});

export type EnterpriseListRow = {
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string;
  parkId: number | null;
  parkName: string | null;
  parkShortName: string | null;
  chainCodes: string[];
  aboveScaleYears: number[];
  isChainMaster: boolean;
  isSpecialized: boolean;
  isHighTech: boolean;
  isListed: boolean;
};

export type EnterpriseProfileRow = EnterpriseListRow & {
  gbt4754Code: string | null;
  isDemo: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

function hasMembershipIn(chainCodes: string[]): SQL {
  return sql`EXISTS (SELECT 1 FROM enterprise_memberships m JOIN chain_nodes n ON n.id = m.node_id
                      WHERE m.uscc = ${FIRM_USCC} AND ${membershipCurrentSql('m')} AND ${inArray(sql`n.chain_code`, chainCodes)})`;
}

/** The data-scope condition: which firms the caller may see (see enterprises.policy.ts). */
function scopeCondition(scope: EnterpriseScope): SQL | undefined {
  if (scope.all) return undefined;
  if (scope.refs.length === 0) return sql`false`;
  switch (scope.kind) {
    case 'chain':
      return hasMembershipIn(scope.refs);
    case 'park': {
      const numeric = scope.refs.filter((r) => /^[0-9]{1,9}$/.test(r)).map(Number);
      const matching = parkMatches(numeric, scope.refs);
      return sql`${enterprises.parkId} IN (SELECT p.id FROM parks p WHERE ${matching})`;
    }
    case 'region':
      return inArray(enterprises.regionCode, scope.refs);
    case 'enterprise':
      return inArray(enterprises.uscc, scope.refs);
  }
}

function parkMatches(ids: number[], names: string[]): SQL {
  return sql`(${inArray(sql`p.id`, ids)} OR ${inArray(sql`p.short_name`, names)} OR ${inArray(sql`p.name`, names)})`;
}

const FLAG_COLUMNS = {
  chainMaster: enterprises.isChainMaster,
  specialized: enterprises.isSpecialized,
  highTech: enterprises.isHighTech,
  listed: enterprises.isListed,
} as const;

export type EnterpriseFilter = {
  scope: EnterpriseScope;
  q?: string;
  region?: string;
  park?: number;
  chain?: string;
  flag?: EnterpriseFlag;
  aboveScaleYear?: number;
  limit: number;
  offset: number;
};

/** One page of the firms the caller may see, by name, with the total of the filtered set. */
export async function selectEnterprisesPage(db: Db, filter: EnterpriseFilter): Promise<{ rows: EnterpriseListRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [scopeCondition(filter.scope)];
  if (filter.q) conditions.push(or(ilike(enterprises.name, containsPattern(filter.q)), ilike(enterprises.uscc, containsPattern(filter.q))));
  if (filter.region) conditions.push(eq(enterprises.regionCode, filter.region));
  if (filter.park !== undefined) conditions.push(eq(enterprises.parkId, filter.park));
  if (filter.chain) conditions.push(hasMembershipIn([filter.chain]));
  if (filter.flag) conditions.push(eq(FLAG_COLUMNS[filter.flag], true));
  if (filter.aboveScaleYear !== undefined) {
    conditions.push(sql`EXISTS (SELECT 1 FROM enterprise_scale_years y WHERE y.uscc = ${FIRM_USCC} AND y.year = ${filter.aboveScaleYear})`);
  }
  const where = and(...conditions);
  const rows = await db
    .select(listColumns())
    .from(enterprises)
    .innerJoin(regions, eq(regions.code, enterprises.regionCode))
    .leftJoin(parks, eq(parks.id, enterprises.parkId))
    .where(where)
    .orderBy(asc(enterprises.name), asc(enterprises.uscc))
    .limit(filter.limit)
    .offset(filter.offset);
  const [totalRow] = await db.select({ n: count() }).from(enterprises).where(where);
  return { rows, total: totalRow?.n ?? 0 };
}

/** One firm with its region, park, chains and 规上 years; undefined when there is no such USCC. */
export async function selectEnterpriseProfile(db: Db, uscc: string): Promise<EnterpriseProfileRow | undefined> {
  const [row] = await db
    .select({
      ...listColumns(),
      gbt4754Code: enterprises.gbt4754Code,
      isDemo: enterprises.isDemo,
      version: enterprises.version,
      createdAt: enterprises.createdAt,
      updatedAt: enterprises.updatedAt,
    })
    .from(enterprises)
    .innerJoin(regions, eq(regions.code, enterprises.regionCode))
    .leftJoin(parks, eq(parks.id, enterprises.parkId))
    .where(eq(enterprises.uscc, uscc));
  return row;
}

export type MembershipRow = {
  id: number;
  uscc: string;
  nodeId: number;
  chainCode: string;
  chainName: string;
  nodeKey: string;
  nodeName: string;
  stage: 'upstream' | 'midstream' | 'downstream';
  isPrimary: boolean;
  validFromYear: number | null;
  validToYear: number | null;
};

/**
 * Memberships of the given firms, past ones included: open ones first, primary first, then by
 * chain and the node's place in the chain, latest years first.
 */
export async function selectMemberships(db: Db, usccs: string[]): Promise<MembershipRow[]> {
  if (usccs.length === 0) return [];
  return db
    .select({
      id: enterpriseMemberships.id,
      uscc: enterpriseMemberships.uscc,
      nodeId: chainNodes.id,
      chainCode: chainNodes.chainCode,
      chainName: chains.name,
      nodeKey: chainNodes.key,
      nodeName: chainNodes.name,
      stage: chainNodes.stage,
      isPrimary: enterpriseMemberships.isPrimary,
      validFromYear: enterpriseMemberships.validFromYear,
      validToYear: enterpriseMemberships.validToYear,
    })
    .from(enterpriseMemberships)
    .innerJoin(chainNodes, eq(chainNodes.id, enterpriseMemberships.nodeId))
    .innerJoin(chains, eq(chains.code, chainNodes.chainCode))
    .where(inArray(enterpriseMemberships.uscc, usccs))
    .orderBy(
      sql`${enterpriseMemberships.validToYear} DESC NULLS FIRST`,
      desc(enterpriseMemberships.isPrimary),
      asc(chains.sortOrder),
      asc(chainNodes.chainCode),
      asc(chainNodes.sortOrder),
      asc(chainNodes.key),
      sql`${enterpriseMemberships.validFromYear} DESC NULLS LAST`,
    );
}

/** Years in which the firm reported at least one month, latest first. */
export async function selectFigureYears(db: Db, uscc: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<number>`substr(${monthlyFigures.period}, 1, 4)::int` })
    .from(monthlyFigures)
    .where(eq(monthlyFigures.uscc, uscc))
    .orderBy(desc(sql`substr(${monthlyFigures.period}, 1, 4)::int`));
  return rows.map((r) => r.year);
}

export type MonthlyFigureRow = typeof monthlyFigures.$inferSelect;

/** The firm's monthly figures of one year, January first. */
export async function selectFiguresOfYear(db: Db, uscc: string, year: number): Promise<MonthlyFigureRow[]> {
  return db
    .select()
    .from(monthlyFigures)
    .where(and(eq(monthlyFigures.uscc, uscc), sql`${monthlyFigures.period} BETWEEN ${`${year}-01`} AND ${`${year}-12`}`))
    .orderBy(asc(monthlyFigures.period));
}

export async function countFigures(db: Db, uscc: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(monthlyFigures).where(eq(monthlyFigures.uscc, uscc));
  return row?.n ?? 0;
}

export type RegionRef = { code: string; name: string; shortName: string };
export type ParkRef = { id: number; name: string; shortName: string; regionCode: string };
export type NodeRef = { id: number; chainCode: string; chainName: string; key: string; name: string; stage: string };

/** The places and chains an enterprise may name (the form's and the import's choices), read together. */
export async function selectEnterpriseRefs(
  db: Db,
): Promise<{ regions: RegionRef[]; parks: ParkRef[]; chains: { code: string; name: string }[]; nodes: NodeRef[] }> {
  const [regions, parks, chains, nodes] = await Promise.all([
    selectRegionRefs(db),
    selectParkRefs(db),
    selectChainCodes(db),
    selectNodeRefs(db),
  ]);
  return { regions, parks, chains, nodes };
}

export async function selectRegionRefs(db: Db): Promise<RegionRef[]> {
  return db.select({ code: regions.code, name: regions.name, shortName: regions.shortName }).from(regions).orderBy(asc(regions.code));
}

export async function selectParkRefs(db: Db): Promise<ParkRef[]> {
  return db
    .select({ id: parks.id, name: parks.name, shortName: parks.shortName, regionCode: parks.regionCode })
    .from(parks)
    .orderBy(asc(parks.id));
}

export async function selectChainCodes(db: Db): Promise<{ code: string; name: string }[]> {
  return db.select({ code: chains.code, name: chains.name }).from(chains).orderBy(asc(chains.sortOrder), asc(chains.code));
}

/** Every chain node with its chain, in map order. */
export async function selectNodeRefs(db: Db): Promise<NodeRef[]> {
  return db
    .select({
      id: chainNodes.id,
      chainCode: chainNodes.chainCode,
      chainName: chains.name,
      key: chainNodes.key,
      name: chainNodes.name,
      stage: chainNodes.stage,
    })
    .from(chainNodes)
    .innerJoin(chains, eq(chains.code, chainNodes.chainCode))
    .orderBy(asc(chains.sortOrder), asc(chains.code), asc(chainNodes.sortOrder), asc(chainNodes.id));
}

export type EnterpriseWrite = {
  uscc: string;
  name: string;
  regionCode: string;
  parkId: number | null;
  gbt4754Code: string | null;
  isChainMaster: boolean;
  isSpecialized: boolean;
  isHighTech: boolean;
  isListed: boolean;
};

export async function insertEnterprise(db: Db, row: EnterpriseWrite): Promise<void> {
  await db.insert(enterprises).values(row);
}

/**
 * Rewrites a firm at the version the editor read (any version when none is given), bumping it even
 * when only its 规上 years or memberships change; 409 when the version moved on.
 */
export async function updateEnterprise(db: Db, row: EnterpriseWrite, expectedVersion?: number): Promise<void> {
  const { uscc, ...fields } = row;
  const [updated] = await db
    .update(enterprises)
    .set({ ...fields, version: bumpVersion(enterprises.version), updatedAt: new Date() })
    .where(atVersion(eq(enterprises.uscc, uscc), enterprises.version, expectedVersion))
    .returning({ uscc: enterprises.uscc });
  updatedOrConflict(updated);
}

/** Replaces the 规上 years of the given firms with `years`. */
export async function replaceScaleYears(db: Db, usccs: string[], years: { uscc: string; year: number }[]): Promise<void> {
  for (let i = 0; i < usccs.length; i += 5000)
    await db.delete(enterpriseScaleYears).where(inArray(enterpriseScaleYears.uscc, usccs.slice(i, i + 5000)));
  for (let i = 0; i < years.length; i += 10000) await db.insert(enterpriseScaleYears).values(years.slice(i, i + 10000));
}

/** The membership writes of one or more plans (see memberships.plan.ts), firm by firm's USCC for the inserts. */
export type MembershipWrites = {
  remove: number[];
  end: { id: number; validToYear: number }[];
  keep: { id: number; isPrimary: boolean; validToYear: null }[];
  insert: { uscc: string; nodeId: number; isPrimary: boolean; validFromYear: number | null }[];
};

/**
 * Applies membership plans: deletions and ends first, then kept rows losing the primary flag, then
 * those gaining it, then new rows, so the one-open-primary index holds after every statement.
 */
export async function applyMembershipWrites(db: Db, writes: MembershipWrites): Promise<void> {
  for (let i = 0; i < writes.remove.length; i += 10000) {
    await db.delete(enterpriseMemberships).where(inArray(enterpriseMemberships.id, writes.remove.slice(i, i + 10000)));
  }
  for (let i = 0; i < writes.end.length; i += 10000) {
    const part = writes.end.slice(i, i + 10000);
    await db.execute(sql`
      UPDATE enterprise_memberships m SET valid_to_year = v.to_year
        FROM unnest(${sql.param(part.map((p) => p.id))}::int[], ${sql.param(part.map((p) => p.validToYear))}::int[]) AS v(id, to_year)
       WHERE m.id = v.id`);
  }
  for (const primary of [false, true]) {
    const ids = writes.keep.filter((k) => k.isPrimary === primary).map((k) => k.id);
    for (let i = 0; i < ids.length; i += 10000) {
      await db
        .update(enterpriseMemberships)
        .set({ isPrimary: primary, validToYear: null })
        .where(inArray(enterpriseMemberships.id, ids.slice(i, i + 10000)));
    }
  }
  for (let i = 0; i < writes.insert.length; i += 10000) await db.insert(enterpriseMemberships).values(writes.insert.slice(i, i + 10000));
}

/**
 * Per firm and year, the months with figures and their gross output: what a removed 规上 year or
 * membership would take out of the statistics.
 */
export async function selectFigureYearTotals(
  db: Db,
  usccs: readonly string[],
): Promise<{ uscc: string; year: number; months: number; output: number }[]> {
  if (usccs.length === 0) return [];
  const result = parseRows(
    await db.execute(sql`
    SELECT f.uscc, substr(f.period, 1, 4)::int AS year, count(*)::int AS months, coalesce(sum(f.gross_output), 0)::bigint AS output
      FROM monthly_figures f
     WHERE f.uscc = ANY(${sql.param([...usccs])}::text[])
     GROUP BY f.uscc, substr(f.period, 1, 4)`),
    z.object({ uscc: z.string(), year: z.number(), months: z.number(), output: z.number() }),
  );
  return result.map((r) => ({ uscc: r.uscc, year: r.year, months: r.months, output: Number(r.output) }));
}

/** Deletes a firm; its 规上 years and memberships go with it (cascade). Monthly figures block it. */
export async function deleteEnterprise(db: Db, uscc: string, expectedVersion?: number): Promise<void> {
  await deleteAtVersion(db, enterprises, eq(enterprises.uscc, uscc), expectedVersion);
}
