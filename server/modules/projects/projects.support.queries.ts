// SQL of 项目代办制 (agent, approval checklist) and 要素保障 (blockers).
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { projectAgents, projectApprovals, projectBlockers, projects } from '../../db/schema.js';
import { insertReturning, selectRowBy, textArray } from '../../db/sql.js';
import type { DataScope } from '../access/access.policy.js';
import { projectScopeSql } from './projects.queries.js';

export type BlockerRow = typeof projectBlockers.$inferSelect;

export async function selectAgent(db: Db, projectId: number) {
  return selectRowBy(db, projectAgents, 'projectId', projectId);
}

export async function upsertAgent(db: Db, row: { projectId: number; agentName: string; agentPhone: string | null }): Promise<void> {
  await db
    .insert(projectAgents)
    .values(row)
    .onConflictDoUpdate({ target: projectAgents.projectId, set: { agentName: row.agentName, agentPhone: row.agentPhone } });
}

export async function selectApprovals(db: Db, projectId: number) {
  return db
    .select({
      item: projectApprovals.item,
      status: projectApprovals.status,
      dueOn: projectApprovals.dueOn,
      doneOn: projectApprovals.doneOn,
    })
    .from(projectApprovals)
    .where(eq(projectApprovals.projectId, projectId))
    .orderBy(asc(projectApprovals.item));
}

export async function upsertApproval(
  db: Db,
  row: { projectId: number; item: string; status: string; dueOn: string | null; doneOn: string | null },
): Promise<void> {
  await db
    .insert(projectApprovals)
    .values(row)
    .onConflictDoUpdate({
      target: [projectApprovals.projectId, projectApprovals.item],
      set: { status: row.status, dueOn: row.dueOn, doneOn: row.doneOn },
    });
}

export async function insertBlocker(db: Db, row: typeof projectBlockers.$inferInsert): Promise<BlockerRow> {
  return insertReturning(db, projectBlockers, row);
}

export async function selectBlocker(db: Db, id: number): Promise<BlockerRow | undefined> {
  return selectRowBy(db, projectBlockers, 'id', id);
}

export async function updateBlockerResolved(db: Db, id: number, resolvedOn: string, note: string | null): Promise<BlockerRow | undefined> {
  const [row] = await db.update(projectBlockers).set({ resolvedOn, note }).where(eq(projectBlockers.id, id)).returning();
  return row;
}

/** Blockers the scope covers: a department those it owns, everyone else those of its projects. */
function blockerScopeSql(scope: DataScope): SQL | undefined {
  if (!scope.all && scope.kind === 'department') return sql`${projectBlockers.ownerDepartment} = ANY(${textArray(scope.refs)})`;
  return projectScopeSql(scope);
}

export type BlockerListRow = BlockerRow & {
  projectName: string;
  confidential: boolean;
  codeName: string | null;
  chainCode: string;
  createdBy: string | null;
};

/** Blockers in scope (of one project, or open past their due date on `asOf`), earliest due first. */
export async function selectBlockers(
  db: Db,
  input: { scope: DataScope; projectId?: number; overdueOn?: string },
): Promise<BlockerListRow[]> {
  const conditions: (SQL | undefined)[] = [blockerScopeSql(input.scope)];
  if (input.projectId !== undefined) conditions.push(eq(projectBlockers.projectId, input.projectId));
  if (input.overdueOn !== undefined)
    conditions.push(sql`${projectBlockers.resolvedOn} IS NULL AND ${projectBlockers.dueOn} < ${input.overdueOn}`);
  const rows = await db
    .select({
      blocker: projectBlockers,
      projectName: projects.name,
      confidential: projects.confidential,
      codeName: projects.codeName,
      chainCode: projects.chainCode,
      createdBy: projects.createdBy,
    })
    .from(projectBlockers)
    .innerJoin(projects, eq(projects.id, projectBlockers.projectId))
    .where(and(...conditions))
    .orderBy(asc(projectBlockers.dueOn), asc(projectBlockers.id));
  return rows.map(({ blocker, ...project }) => ({ ...blocker, ...project }));
}
