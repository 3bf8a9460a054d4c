// SQL of the chain module, chain level: a year's list with its counts, one chain with its targets
// and firms, the scope conditions, and the writes of chains and targets. Node and edge SQL is in
// chain-nodes.queries.ts.
import { and, asc, eq, inArray, isNull, lte, or, gte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deleteAtVersion, insertReturning, selectRowBy, updateAtVersion } from '../../db/sql.js';
import { chains, chainTargets, enterpriseMemberships, enterprises, industries, chainNodes, parks } from '../../db/schema.js';
import { atVersion, bumpVersion, updatedOrConflict } from '../../lib/optimistic-lock.js';
import { membershipCurrentSql, membershipInYearSql } from '../enterprises/memberships.sql.js';
import type { ChainListItem } from '../../../shared/contracts/chains.js';
import type { ChainFirmScope, ChainScope } from './chains.policy.js';

export type ChainRow = typeof chains.$inferSelect;

/** A list row is the contract's item: `listColumns` selects exactly its fields. */
export type ChainListRow = ChainListItem;

// Correlated subqueries name the outer column in full (chains.code): drizzle leaves the columns of a
// single-table select unqualified, and an unqualified name would bind to the subquery's own table.

/** Columns of a chain row with its counts of `year` (that year's memberships); firms counted once however many of its nodes they sit in. */
function listColumns(year: number) {
  return {
    code: chains.code,
    name: chains.name,
    industryCode: chains.industryCode,
    industryName: industries.name,
    industryGroup: industries.group,
    validFromYear: chains.validFromYear,
    validToYear: chains.validToYear,
    chiefTitle: chains.chiefTitle,
    office: chains.office,
    sortOrder: chains.sortOrder,
    version: chains.version,
    nodeCount: sql<number>`(SELECT count(*)::int FROM chain_nodes n WHERE n.chain_code = chains.code)`,
    enterpriseCount: sql<number>`(SELECT count(DISTINCT m.uscc)::int
        FROM enterprise_memberships m JOIN chain_nodes n ON n.id = m.node_id
       WHERE n.chain_code = chains.code AND ${membershipInYearSql('m', year)})`,
    aboveScaleCount: sql<number>`(SELECT count(DISTINCT m.uscc)::int
        FROM enterprise_memberships m JOIN chain_nodes n ON n.id = m.node_id
        JOIN enterprise_scale_years y ON y.uscc = m.uscc AND y.year = ${year}
       WHERE n.chain_code = chains.code AND ${membershipInYearSql('m', year)})`,
  };
}

/** A chain is on a year's list when valid_from_year ≤ year ≤ valid_to_year (open-ended when null). */
function validIn(year: number): SQL | undefined {
  return and(lte(chains.validFromYear, year), or(isNull(chains.validToYear), gte(chains.validToYear, year)));
}

function chainScopeCondition(scope: ChainScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'chains':
      return scope.codes.length === 0 ? sql`false` : inArray(chains.code, scope.codes);
    case 'members':
      if (scope.usccs.length === 0) return sql`false`;
      return sql`EXISTS (SELECT 1 FROM enterprise_memberships m JOIN chain_nodes n ON n.id = m.node_id
                          WHERE n.chain_code = chains.code AND ${membershipCurrentSql('m')} AND ${inArray(sql`m.uscc`, scope.usccs)})`;
  }
}

/** The chains on the list of `year` that the scope lets the caller see, in the city's order. */
export async function selectChainsOfYear(db: Db, filter: { year: number; scope: ChainScope }): Promise<ChainListRow[]> {
  return db
    .select(listColumns(filter.year))
    .from(chains)
    .innerJoin(industries, eq(industries.code, chains.industryCode))
    .where(and(validIn(filter.year), chainScopeCondition(filter.scope)))
    .orderBy(asc(chains.sortOrder), asc(chains.code));
}

export type ChainDetailRow = ChainListRow & { supportingDepartments: string[]; hostPlaces: string[]; chainMasters: string[] };

/** One chain with its counts (规上 counted for `year`), whatever its years of validity. */
export async function selectChainDetail(db: Db, code: string, year: number): Promise<ChainDetailRow | undefined> {
  const [row] = await db
    .select({
      ...listColumns(year),
      supportingDepartments: chains.supportingDepartments,
      hostPlaces: chains.hostPlaces,
      chainMasters: chains.chainMasters,
    })
    .from(chains)
    .innerJoin(industries, eq(industries.code, chains.industryCode))
    .where(eq(chains.code, code));
  return row;
}

export async function selectChainRow(db: Db, code: string): Promise<ChainRow | undefined> {
  return selectRowBy(db, chains, 'code', code);
}

export async function selectChainByName(db: Db, name: string): Promise<ChainRow | undefined> {
  return selectRowBy(db, chains, 'name', name);
}

/** Codes of the chains the given firms have a current membership in (an enterprise account's chains). */
export async function selectMemberChainCodes(db: Db, usccs: string[]): Promise<string[]> {
  if (usccs.length === 0) return [];
  const rows = await db
    .selectDistinct({ code: chainNodes.chainCode })
    .from(enterpriseMemberships)
    .innerJoin(chainNodes, eq(chainNodes.id, enterpriseMemberships.nodeId))
    .where(and(inArray(enterpriseMemberships.uscc, usccs), membershipCurrentSql('enterprise_memberships')));
  return rows.map((r) => r.code);
}

export async function selectIndustryExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: industries.code }).from(industries).where(eq(industries.code, code));
  return row !== undefined;
}

export async function selectChainTargets(db: Db, code: string): Promise<(typeof chainTargets.$inferSelect)[]> {
  return db.select().from(chainTargets).where(eq(chainTargets.chainCode, code)).orderBy(asc(chainTargets.year));
}

/** Every chain's target of one year. */
export async function selectTargetsOfYear(db: Db, year: number): Promise<(typeof chainTargets.$inferSelect)[]> {
  return db.select().from(chainTargets).where(eq(chainTargets.year, year)).orderBy(asc(chainTargets.chainCode));
}

export type ChainFirmRow = {
  uscc: string;
  name: string;
  nodeKeys: string[];
  primary: boolean;
  isChainMaster: boolean;
  aboveScale: boolean;
  regionCode: string;
  parkShortName: string | null;
};

function firmScopeCondition(scope: ChainFirmScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.refs.length === 0) return sql`false`;
  switch (scope.kind) {
    case 'parks': {
      const ids = scope.refs.filter((r) => /^[0-9]{1,9}$/.test(r)).map(Number);
      return sql`${enterprises.parkId} IN (SELECT p.id FROM parks p
                  WHERE ${inArray(sql`p.id`, ids.length > 0 ? ids : [-1])} OR ${inArray(sql`p.short_name`, scope.refs)} OR ${inArray(sql`p.name`, scope.refs)})`;
    }
    case 'regions':
      return inArray(enterprises.regionCode, scope.refs);
    case 'firms':
      return inArray(enterprises.uscc, scope.refs);
  }
}

/** The chain's firms of `year` (that year's memberships) the scope lets the caller see: primary members and chain masters first, then by name. */
export async function selectChainFirms(db: Db, filter: { code: string; year: number; scope: ChainFirmScope }): Promise<ChainFirmRow[]> {
  const primary = sql<boolean>`bool_or(${enterpriseMemberships.isPrimary})`;
  return db
    .select({
      uscc: enterprises.uscc,
      name: enterprises.name,
      nodeKeys: sql<
        string[]
      >`array_agg(${chainNodes.key} ORDER BY ${enterpriseMemberships.isPrimary} DESC, ${chainNodes.sortOrder}, ${chainNodes.key})`,
      primary,
      isChainMaster: enterprises.isChainMaster,
      aboveScale: sql<boolean>`EXISTS (SELECT 1 FROM enterprise_scale_years y WHERE y.uscc = enterprises.uscc AND y.year = ${filter.year})`,
      regionCode: enterprises.regionCode,
      parkShortName: parks.shortName,
    })
    .from(enterpriseMemberships)
    .innerJoin(chainNodes, eq(chainNodes.id, enterpriseMemberships.nodeId))
    .innerJoin(enterprises, eq(enterprises.uscc, enterpriseMemberships.uscc))
    .leftJoin(parks, eq(parks.id, enterprises.parkId))
    .where(
      and(
        eq(chainNodes.chainCode, filter.code),
        membershipInYearSql('enterprise_memberships', filter.year),
        firmScopeCondition(filter.scope),
      ),
    )
    .groupBy(enterprises.uscc, parks.shortName)
    .orderBy(sql`${primary} DESC`, sql`${enterprises.isChainMaster} DESC`, asc(enterprises.name));
}

/** Distinct firms with a membership in any node of the chain, in any year. */
export async function countChainFirms(db: Db, code: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(DISTINCT ${enterpriseMemberships.uscc})::int` })
    .from(enterpriseMemberships)
    .innerJoin(chainNodes, eq(chainNodes.id, enterpriseMemberships.nodeId))
    .where(eq(chainNodes.chainCode, code));
  return row?.n ?? 0;
}

export async function insertChain(db: Db, row: typeof chains.$inferInsert): Promise<ChainRow> {
  return insertReturning(db, chains, row);
}

/** Changes a chain at the version the editor read (any version when none is given); 409 when it moved on. */
export async function updateChainRow(
  db: Db,
  code: string,
  patch: Partial<Omit<typeof chains.$inferInsert, 'version'>>,
  expectedVersion?: number,
): Promise<ChainRow> {
  return updateAtVersion(db, chains, eq(chains.code, code), patch, expectedVersion);
}

/** Deletes the chain; its nodes, edges, targets and park focus rows go with it (ON DELETE CASCADE). */
export async function deleteChainRow(db: Db, code: string, expectedVersion?: number): Promise<void> {
  await deleteAtVersion(db, chains, eq(chains.code, code), expectedVersion);
}

export type ChainTargetRow = typeof chainTargets.$inferSelect;

export async function selectChainTarget(db: Db, code: string, year: number): Promise<ChainTargetRow | undefined> {
  const [row] = await db
    .select()
    .from(chainTargets)
    .where(and(eq(chainTargets.chainCode, code), eq(chainTargets.year, year)));
  return row;
}

/**
 * Sets a year's target: inserts it, or replaces the stored one. With `expectedVersion` the target
 * must exist at that version (a form that loaded it), else 409 and nothing is written.
 */
export async function upsertChainTarget(
  db: Db,
  row: Omit<typeof chainTargets.$inferInsert, 'updatedAt' | 'version'>,
  expectedVersion?: number,
): Promise<ChainTargetRow> {
  const key = and(eq(chainTargets.chainCode, row.chainCode), eq(chainTargets.year, row.year));
  if (expectedVersion !== undefined) {
    const [updated] = await db
      .update(chainTargets)
      .set({
        outputTargetYuan: row.outputTargetYuan,
        growthTarget: row.growthTarget,
        version: bumpVersion(chainTargets.version),
        updatedAt: new Date(),
      })
      .where(atVersion(key, chainTargets.version, expectedVersion))
      .returning();
    return updatedOrConflict(updated);
  }
  const [saved] = await db
    .insert(chainTargets)
    .values(row)
    .onConflictDoUpdate({
      target: [chainTargets.chainCode, chainTargets.year],
      set: {
        outputTargetYuan: row.outputTargetYuan,
        growthTarget: row.growthTarget,
        version: bumpVersion(chainTargets.version),
        updatedAt: new Date(),
      },
    })
    .returning();
  if (!saved) throw new Error('upsert chain_targets returned no row');
  return saved;
}

export async function deleteChainTargetRow(db: Db, code: string, year: number, expectedVersion?: number): Promise<void> {
  const key = and(eq(chainTargets.chainCode, code), eq(chainTargets.year, year));
  await deleteAtVersion(db, chainTargets, key, expectedVersion);
}
