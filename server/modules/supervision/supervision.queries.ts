// SQL of supervision tasks: the scoped and filtered list with lights, one task with its timeline,
// whom a task may be assigned to, the writes, and a year's completion of one assignee.
import { eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { listTasksQuery, TASK_EVENT_ACTIONS, taskItem, type TaskAssigneeKind } from '../../../shared/contracts/supervision.js';
import { TASK_STATUSES } from '../../../shared/supervision/workflow.js';
import { ROLES } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import { supervisionTaskEvents, supervisionTasks } from '../../db/schema.js';
import { insertReturning, isoSql, listedRecord, parseRows, textArray, updateAtVersion } from '../../db/sql.js';
import { containsPattern } from '../../lib/like.js';
import { lightSqlOf, type LightBounds } from '../../lib/lights.js';
import type { DataScope } from '../access/access.policy.js';

export type TaskRow = typeof supervisionTasks.$inferSelect;
export type TaskInsert = typeof supervisionTasks.$inferInsert;

/** The light of an open task's deadline (a completed or returned task has none). */
function lightSql(bounds: LightBounds): SQL {
  return lightSqlOf(sql`(CASE WHEN s.status IN ('todo', 'in_progress') THEN s.deadline END)`, bounds);
}

/** A park assignee matches a scope ref naming the park by id, short name or full name. */
const parkMatches = (refs: SQL) =>
  sql`EXISTS (SELECT 1 FROM parks p WHERE p.id::text = s.assignee_ref
            AND (p.id::text = ANY(${refs}) OR p.short_name = ANY(${refs}) OR p.name = ANY(${refs})))`;

/** The tasks a data scope holds (canViewTask in SQL): its own as assignee, a chain role's chains' tasks. */
export function taskScopeSql(scope: DataScope): SQL {
  if (scope.all) return sql`true`;
  const refs = textArray(scope.refs);
  switch (scope.kind) {
    case 'department':
      return sql`(s.assignee_kind = 'department' AND s.assignee_ref = ANY(${refs}))`;
    case 'chain':
      return sql`(s.chain_code = ANY(${refs}) OR (s.assignee_kind = 'chain_office' AND s.assignee_ref = ANY(${refs})))`;
    case 'park':
      return sql`(s.assignee_kind = 'park' AND ${parkMatches(refs)})`;
    case 'region':
    case 'enterprise':
      return sql`false`;
  }
}

/** The assignee as people read it: the chain's office, the department, the park's name. */
const ASSIGNEE_NAME = sql`(CASE s.assignee_kind
    WHEN 'chain_office' THEN (SELECT c.name || '链办' FROM chains c WHERE c.code = s.assignee_ref)
    WHEN 'park' THEN (SELECT p.name FROM parks p WHERE p.id::text = s.assignee_ref)
    ELSE s.assignee_ref END)`;

// The contract's item, plus the names a park assignee is known by (the party check reads them).
const itemRow = taskItem.extend({ assigneeAliases: z.array(z.string()), createdBy: z.string().nullable() });
export type TaskListRow = z.infer<typeof itemRow>;

function itemColumns(bounds: LightBounds): SQL {
  return sql`s.id, s.title, s.source, s.year, s.chain_code AS "chainCode", c.name AS "chainName",
    s.assignee_kind AS "assigneeKind", s.assignee_ref AS "assigneeRef", coalesce(${ASSIGNEE_NAME}, s.assignee_ref) AS "assigneeName",
    s.status, s.deadline::text AS deadline, s.progress::int AS progress, s.done_on::text AS "doneOn", s.on_time AS "onTime",
    ${lightSql(bounds)} AS light, s.extension_due::text AS "extensionDue", s.created_on::text AS "createdOn", s.version,
    (CASE WHEN s.assignee_kind = 'park'
          THEN coalesce((SELECT ARRAY[p.id::text, p.short_name, p.name] FROM parks p WHERE p.id::text = s.assignee_ref), ARRAY[s.assignee_ref])
          ELSE ARRAY[s.assignee_ref] END) AS "assigneeAliases",
    s.created_by::text AS "createdBy"`;
}

const FROM = sql`FROM supervision_tasks s LEFT JOIN chains c ON c.code = s.chain_code`;

/** The list's filters: the parsed query's own, `escalated` already turned into the red light by the service. */
export type TaskFilter = Omit<z.output<typeof listTasksQuery>, 'page' | 'pageSize' | 'escalated'>;

function filterSql(scope: DataScope, filter: TaskFilter, bounds: LightBounds): SQL {
  const parts: SQL[] = [taskScopeSql(scope)];
  if (filter.year) parts.push(sql`s.year = ${filter.year}`);
  if (filter.status) parts.push(sql`s.status = ${filter.status}`);
  if (filter.light) parts.push(sql`${lightSql(bounds)} = ${filter.light}`);
  if (filter.source) parts.push(sql`s.source = ${filter.source}`);
  if (filter.chain) parts.push(sql`s.chain_code = ${filter.chain}`);
  if (filter.assigneeKind) parts.push(sql`s.assignee_kind = ${filter.assigneeKind}`);
  if (filter.q) {
    const like = containsPattern(filter.q);
    parts.push(sql`(s.title ILIKE ${like} OR s.description ILIKE ${like} OR ${ASSIGNEE_NAME} ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

const reads = listedRecord({
  table: supervisionTasks,
  columns: itemColumns,
  from: FROM,
  id: sql`s.id`,
  itemRow,
  where: filterSql,
  order: sql`(s.status IN ('todo', 'in_progress')) DESC, s.deadline, s.id`,
});

/** One page of the tasks the scope holds: red first, then by deadline. */
export const selectTasksPage = reads.page;

/** One task as a list item (no scope: the service checks it). */
export const selectTaskItem = reads.item;
export const selectTaskRow = reads.row;
/** The row locked for an action (a second action on the same task waits for the first). */
export const selectTaskForUpdate = reads.rowForUpdate;

const eventRow = z.object({
  id: z.number(),
  at: z.string(),
  action: z.enum(TASK_EVENT_ACTIONS),
  fromStatus: z.enum(TASK_STATUSES).nullable(),
  toStatus: z.enum(TASK_STATUSES),
  actorName: z.string(),
  actorRole: z.enum(ROLES),
  reportedOn: z.string().nullable(),
  percent: z.number().nullable(),
  note: z.string().nullable(),
});

/** The timeline of a task, oldest first. */
export async function selectTaskEvents(db: Db, id: number) {
  const result = await db.execute(sql`
    SELECT id, ${isoSql('at')} AS at, action, from_status AS "fromStatus", to_status AS "toStatus", actor_name AS "actorName",
           actor_role AS "actorRole", reported_on::text AS "reportedOn", percent::int AS percent, note
      FROM supervision_task_events WHERE task_id = ${id} ORDER BY at, id`);
  return parseRows(result, eventRow);
}

export async function insertTask(db: Db, task: TaskInsert): Promise<TaskRow> {
  return insertReturning(db, supervisionTasks, task);
}

/** Changes a task at the version read (409 when it moved on); bumps the version. */
export async function updateTaskRow(db: Db, id: number, version: number, fields: Partial<TaskInsert>): Promise<TaskRow> {
  return updateAtVersion(db, supervisionTasks, eq(supervisionTasks.id, id), fields, version);
}

export async function insertTaskEvents(db: Db, events: readonly (typeof supervisionTaskEvents.$inferInsert)[]): Promise<void> {
  if (events.length > 0) await db.insert(supervisionTaskEvents).values([...events]);
}

const optionRow = z.object({ kind: z.enum(['chain_office', 'department', 'park']), ref: z.string(), name: z.string() });

/**
 * Whom a task may be assigned to: every chain's office, every park, and the departments the platform
 * knows (chain offices' and 后盾单位 departments, department accounts, units of tickets).
 */
export async function selectAssigneeOptions(db: Db) {
  const result = await db.execute(sql`
    SELECT 'chain_office' AS kind, code AS ref, name || '链办' AS name FROM chains
    UNION ALL SELECT 'park', id::text, name FROM parks
    UNION ALL SELECT 'department', d, d FROM (
      SELECT office AS d FROM chains WHERE office IS NOT NULL
      UNION SELECT unnest(supporting_departments) FROM chains
      UNION SELECT ref FROM user_scopes WHERE kind = 'department'
      UNION SELECT department FROM ticket_units) departments
    ORDER BY 1, 2`);
  return parseRows(result, optionRow);
}

/** Whether an assignee exists: a chain (its office), a park id, or a department the platform knows. */
export async function hasAssignee(db: Db, kind: TaskAssigneeKind, ref: string): Promise<boolean> {
  const query =
    kind === 'chain_office'
      ? sql`SELECT 1 AS x FROM chains WHERE code = ${ref}`
      : kind === 'park'
        ? sql`SELECT 1 AS x FROM parks WHERE id::text = ${ref}`
        : sql`SELECT 1 AS x FROM chains WHERE office = ${ref} OR ${ref} = ANY(supporting_departments)
              UNION ALL SELECT 1 FROM user_scopes WHERE kind = 'department' AND ref = ${ref}
              UNION ALL SELECT 1 FROM ticket_units WHERE department = ${ref} LIMIT 1`;
  return (await db.execute(query)).rows.length > 0;
}

/** A chain's name and its target of a year (null when the chain or the target is missing). */
export async function selectChainTarget(db: Db, chainCode: string, year: number) {
  const result = await db.execute(sql`
    SELECT c.name, t.output_target_yuan AS "outputTargetYuan", t.growth_target::float8 AS "growthTarget"
      FROM chain_targets t JOIN chains c ON c.code = t.chain_code WHERE t.chain_code = ${chainCode} AND t.year = ${year}`);
  return (
    parseRows(
      result,
      z.object({ name: z.string(), outputTargetYuan: z.coerce.number().nullable(), growthTarget: z.number().nullable() }),
    )[0] ?? null
  );
}

/** Whether an open or completed task was already generated from this target for this assignee. */
export async function hasTargetTask(db: Db, chainCode: string, year: number, kind: TaskAssigneeKind, ref: string): Promise<boolean> {
  const result = await db.execute(sql`
    SELECT 1 AS x FROM supervision_tasks WHERE source = 'target' AND chain_code = ${chainCode} AND target_year = ${year}
       AND assignee_kind = ${kind} AND assignee_ref = ${ref} AND status <> 'returned'`);
  return result.rows.length > 0;
}

export async function hasChain(db: Db, code: string): Promise<boolean> {
  return (await db.execute(sql`SELECT 1 AS x FROM chains WHERE code = ${code}`)).rows.length > 0;
}

/** A year's tasks of one assignee: how many, how many completed, how many completed by their deadline. */
export async function selectTaskCompletion(db: Db, year: number, kind: TaskAssigneeKind, ref: string) {
  const result = await db.execute(sql`
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE status = 'done'))::int AS done,
           (count(*) FILTER (WHERE status = 'done' AND on_time))::int AS "onTime"
      FROM supervision_tasks WHERE year = ${year} AND assignee_kind = ${kind} AND assignee_ref = ${ref} AND status <> 'returned'`);
  return parseRows(result, z.object({ total: z.number(), done: z.number(), onTime: z.number() }))[0] ?? { total: 0, done: 0, onTime: 0 };
}

/** Open tasks whose light is yellow or red on the bounds' day (the deadline sweep). */
export async function selectTasksByLight(db: Db, light: 'yellow' | 'red', bounds: LightBounds): Promise<TaskListRow[]> {
  const result = await db.execute(sql`SELECT ${itemColumns(bounds)} ${FROM} WHERE ${lightSql(bounds)} = ${light} ORDER BY s.id`);
  return parseRows(result, itemRow);
}

export async function countTasks(db: Db): Promise<number> {
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM supervision_tasks`);
  return parseRows(result, z.object({ n: z.number() }))[0]?.n ?? 0;
}

const demoChainRow = z.object({ code: z.string(), name: z.string(), office: z.string().nullable(), departments: z.array(z.string()) });

/** The chains (with their office and 后盾单位 departments) and parks the demo sets tasks for, in code and id order. */
export async function selectDemoAssignees(db: Db) {
  const chains = await db.execute(sql`
    SELECT code, name, office, supporting_departments AS departments FROM chains ORDER BY code`);
  const parks = await db.execute(sql`SELECT id, name FROM parks ORDER BY id`);
  return { chains: parseRows(chains, demoChainRow), parks: parseRows(parks, z.object({ id: z.number(), name: z.string() })) };
}

/** Inserts tasks in order; returns their ids in the same order. */
export async function insertTasksReturningIds(db: Db, rows: readonly TaskInsert[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(supervisionTasks)
    .values([...rows])
    .returning({ id: supervisionTasks.id });
  return inserted.map((r) => r.id);
}
