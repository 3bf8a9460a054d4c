// SQL of the projects: the scoped, filtered list, one project with its timeline and amount changes,
// the lookups that validate input, and the writes.
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { PROJECT_STATES, type ProjectChannel, type ProjectState } from '../../../shared/contracts/projects.js';
import type { Db } from '../../db/client.js';
import {
  chainNodes,
  chains,
  enterprises,
  investors,
  majorProjectYears,
  parks,
  projectAmountChanges,
  projectMonthlyInvestment,
  projectStageEvents,
  projects,
  regions,
} from '../../db/schema.js';
import { insertReturning, isoSql, selectRowBy, textArray, updateAtVersion } from '../../db/sql.js';
import { containsPattern } from '../../lib/like.js';
import type { DataScope } from '../access/access.policy.js';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectInsert = typeof projects.$inferInsert;
export type Clearance = { all: true } | { all: false; chains: string[]; userId: string };

/** The projects a data scope covers (see projects.policy.ts), as a condition on `projects`. */
export function projectScopeSql(scope: DataScope): SQL | undefined {
  if (scope.all) return undefined;
  const refs = textArray(scope.refs);
  switch (scope.kind) {
    case 'chain':
      return sql`${projects.chainCode} = ANY(${refs})`;
    case 'region':
      return sql`${projects.regionCode} = ANY(${refs})`;
    case 'enterprise':
      return sql`${projects.enterpriseUscc} = ANY(${refs})`;
    case 'park':
      return sql`${projects.parkId} IN (SELECT p.id FROM parks p WHERE p.id::text = ANY(${refs}) OR p.short_name = ANY(${refs}) OR p.name = ANY(${refs}))`;
    case 'department':
      return sql`false`;
  }
}

/** Whether the caller may read the real name of each `projects` row (a confidential lead shows its code name otherwise). */
export function clearedSql(clearance: Clearance): SQL {
  if (clearance.all) return sql`true`;
  return sql`(NOT ${projects.confidential} OR ${projects.chainCode} = ANY(${textArray(clearance.chains)}) OR ${projects.createdBy} = ${clearance.userId})`;
}

/** The columns every raw project row starts with (name, code name and whether the caller may read the name). */
export const namedProjectRow = z.object({
  projectId: z.number().int(),
  realName: z.string(),
  codeName: z.string().nullable(),
  cleared: z.boolean(),
  chainCode: z.string(),
  stage: z.enum(PROJECT_STATES),
});

export type ProjectFilter = { stage?: ProjectState; chain?: string; node?: string; channel?: ProjectChannel; year?: number; q?: string };

function filterSql(scope: DataScope, clearance: Clearance, filter: ProjectFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [projectScopeSql(scope)];
  if (filter.stage) conditions.push(eq(projects.stage, filter.stage));
  if (filter.chain) conditions.push(eq(projects.chainCode, filter.chain));
  if (filter.node) {
    const chainCondition = filter.chain ? sql` AND n.chain_code = ${filter.chain}` : sql``;
    conditions.push(sql`${projects.nodeId} IN (SELECT n.id FROM chain_nodes n WHERE n.key = ${filter.node}${chainCondition})`);
  }
  if (filter.channel) conditions.push(eq(projects.channel, filter.channel));
  if (filter.year !== undefined) conditions.push(sql`${projects.signedOn} BETWEEN ${`${filter.year}-01-01`} AND ${`${filter.year}-12-31`}`);
  if (filter.q) {
    const q = containsPattern(filter.q);
    conditions.push(or(and(clearedSql(clearance), ilike(projects.name, q)), ilike(projects.codeName, q)));
  }
  return and(...conditions);
}

const listColumns = (clearance: Clearance) => ({
  id: projects.id,
  realName: projects.name,
  codeName: projects.codeName,
  cleared: sql<boolean>`${clearedSql(clearance)}`,
  confidential: projects.confidential,
  stage: projects.stage,
  channel: projects.channel,
  category: projects.category,
  chainCode: projects.chainCode,
  chainName: chains.name,
  nodeKey: chainNodes.key,
  nodeName: chainNodes.name,
  parkId: projects.parkId,
  parkName: parks.shortName,
  regionCode: projects.regionCode,
  regionName: regions.name,
  investorName: investors.name,
  signedAmount: projects.signedAmount,
  plannedInvestment: projects.plannedInvestment,
  signedOn: projects.signedOn,
  enterpriseUscc: projects.enterpriseUscc,
  version: projects.version,
});

export type ProjectListRow = {
  id: number;
  realName: string;
  codeName: string | null;
  cleared: boolean;
  confidential: boolean;
  stage: ProjectState;
  channel: ProjectChannel;
  category: ProjectRow['category'];
  chainCode: string;
  chainName: string;
  nodeKey: string | null;
  nodeName: string | null;
  parkId: number | null;
  parkName: string | null;
  regionCode: string;
  regionName: string;
  investorName: string | null;
  signedAmount: number | null;
  plannedInvestment: number | null;
  signedOn: string | null;
  enterpriseUscc: string | null;
  version: number;
};

function listFrom(db: Db, clearance: Clearance) {
  return db
    .select(listColumns(clearance))
    .from(projects)
    .innerJoin(chains, eq(chains.code, projects.chainCode))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(chainNodes, eq(chainNodes.id, projects.nodeId))
    .leftJoin(parks, eq(parks.id, projects.parkId))
    .leftJoin(investors, eq(investors.id, projects.investorId));
}

/** One page of the projects in scope, newest first. */
export async function selectProjectsPage(
  db: Db,
  input: { scope: DataScope; clearance: Clearance; filter: ProjectFilter; limit: number; offset: number },
): Promise<{ rows: ProjectListRow[]; total: number }> {
  const where = filterSql(input.scope, input.clearance, input.filter);
  const rows = await listFrom(db, input.clearance).where(where).orderBy(desc(projects.id)).limit(input.limit).offset(input.offset);
  const [total] = await db.select({ n: count() }).from(projects).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function selectProjectListRow(db: Db, id: number, clearance: Clearance): Promise<ProjectListRow | undefined> {
  const [row] = await listFrom(db, clearance).where(eq(projects.id, id));
  return row;
}

export async function selectProjectRow(db: Db, id: number): Promise<ProjectRow | undefined> {
  return selectRowBy(db, projects, 'id', id);
}

/** The park of a project for a scope check (its id, short and full name). */
export async function selectParkRefs(db: Db, id: number): Promise<{ id: number; shortName: string; name: string } | undefined> {
  const [row] = await db.select({ id: parks.id, shortName: parks.shortName, name: parks.name }).from(parks).where(eq(parks.id, id));
  return row;
}

export async function selectTimeline(db: Db, projectId: number) {
  return db
    .select({
      fromStage: projectStageEvents.fromStage,
      toStage: projectStageEvents.toStage,
      on: projectStageEvents.on,
      reason: projectStageEvents.reason,
      byName: projectStageEvents.byName,
      at: sql<string>`${isoSql(sql`${projectStageEvents.at}`)}`,
    })
    .from(projectStageEvents)
    .where(eq(projectStageEvents.projectId, projectId))
    .orderBy(asc(projectStageEvents.id));
}

export async function selectAmountChanges(db: Db, projectId: number) {
  return db
    .select({
      field: projectAmountChanges.field,
      before: projectAmountChanges.before,
      after: projectAmountChanges.after,
      byName: projectAmountChanges.byName,
      at: sql<string>`${isoSql(sql`${projectAmountChanges.at}`)}`,
    })
    .from(projectAmountChanges)
    .where(eq(projectAmountChanges.projectId, projectId))
    .orderBy(asc(projectAmountChanges.id));
}

// ── lookups that validate input ──

export async function hasChain(db: Db, code: string): Promise<boolean> {
  return (await db.select({ code: chains.code }).from(chains).where(eq(chains.code, code))).length > 0;
}

export async function selectNodeId(db: Db, chainCode: string, key: string): Promise<number | null> {
  const [row] = await db
    .select({ id: chainNodes.id })
    .from(chainNodes)
    .where(and(eq(chainNodes.chainCode, chainCode), eq(chainNodes.key, key)));
  return row?.id ?? null;
}

export async function hasRegion(db: Db, code: string): Promise<boolean> {
  return (await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code))).length > 0;
}

export async function selectEnterpriseName(db: Db, uscc: string): Promise<string | null> {
  const [row] = await db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.uscc, uscc));
  return row?.name ?? null;
}

export async function hasInvestor(db: Db, id: number): Promise<boolean> {
  return (await db.select({ id: investors.id }).from(investors).where(eq(investors.id, id))).length > 0;
}

// ── writes ──

export async function insertProject(db: Db, values: ProjectInsert): Promise<ProjectRow> {
  return insertReturning(db, projects, values);
}

export async function insertStageEvents(
  db: Db,
  projectId: number,
  by: { id: string | null; name: string },
  events: readonly { fromStage: ProjectState | null; toStage: ProjectState; on: string; reason: string | null }[],
): Promise<void> {
  if (events.length === 0) return;
  await db.insert(projectStageEvents).values(events.map((e) => ({ projectId, ...e, byId: by.id, byName: by.name })));
}

/** Changes a project's row (a stage move, amounts, dates, notes); undefined when the version moved on meanwhile. */
export async function updateProjectRow(
  db: Db,
  id: number,
  change: Partial<
    Pick<
      ProjectInsert,
      | 'stage'
      | 'stageDates'
      | 'signedOn'
      | 'terminatedReason'
      | 'enterpriseUscc'
      | 'signedAmount'
      | 'plannedInvestment'
      | 'plannedDates'
      | 'unit'
      | 'person'
      | 'notes'
    >
  >,
  expectedVersion: number | undefined,
): Promise<ProjectRow> {
  return updateAtVersion(db, projects, eq(projects.id, id), change, expectedVersion);
}

const enterpriseAlias = alias(enterprises, 'linked');

/** The registered enterprise's name of a project. */
export async function selectLinkedEnterpriseName(db: Db, projectId: number): Promise<string | null> {
  const [row] = await db
    .select({ name: enterpriseAlias.name })
    .from(projects)
    .innerJoin(enterpriseAlias, eq(enterpriseAlias.uscc, projects.enterpriseUscc))
    .where(eq(projects.id, projectId));
  return row?.name ?? null;
}

export async function insertAmountChange(
  db: Db,
  change: {
    projectId: number;
    field: 'signedAmount' | 'plannedInvestment';
    before: number | null;
    after: number | null;
    byId: string | null;
    byName: string;
  },
): Promise<void> {
  await db.insert(projectAmountChanges).values(change);
}

export async function upsertMajorYear(db: Db, projectId: number, year: number, annualPlan: number): Promise<void> {
  await db
    .insert(majorProjectYears)
    .values({ projectId, year, annualPlan })
    .onConflictDoUpdate({ target: [majorProjectYears.projectId, majorProjectYears.year], set: { annualPlan } });
}

export async function upsertMonthlyInvestment(
  db: Db,
  row: { projectId: number; period: string; completed: number; fundsArrived: number },
): Promise<void> {
  await db
    .insert(projectMonthlyInvestment)
    .values(row)
    .onConflictDoUpdate({
      target: [projectMonthlyInvestment.projectId, projectMonthlyInvestment.period],
      set: { completed: row.completed, fundsArrived: row.fundsArrived },
    });
}
