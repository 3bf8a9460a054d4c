import type {
  CreateTaskRequest,
  ListTasksQuery,
  ListTasksResponse,
  TaskActionRequest,
  TaskAssignee,
  TaskDetail,
  TaskFromTargetRequest,
} from '../../../shared/contracts/supervision.js';
import { createTaskRequest, listTasksQuery, taskActionRequest, taskFromTargetRequest } from '../../../shared/contracts/supervision.js';
import {
  taskActionsFor,
  taskStatusAfter,
  taskWorkflow,
  type TaskAction,
  type TaskActionField,
  type TaskStatus,
} from '../../../shared/supervision/workflow.js';
import type { Db } from '../../db/client.js';
import { pageWindow } from '../../db/sql.js';
import { todayInShanghai } from '../../lib/calendar.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { lightBoundsOf } from '../../lib/lights.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { actorStamp, applyTransition, bilingualParam, requireFields, requireMove } from '../../lib/workflow.js';
import { dataScopeOf, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { notifyTaskAction, notifyTaskAssigned } from './supervision.notify.js';
import { canCreateTargetTask, canCreateTask, canViewTask, taskPartiesOf } from './supervision.policy.js';
import {
  hasAssignee,
  hasChain,
  hasTargetTask,
  insertTask,
  insertTaskEvents,
  selectAssigneeOptions,
  selectChainTarget,
  selectTaskEvents,
  selectTaskForUpdate,
  selectTaskItem,
  selectTaskRow,
  selectTasksPage,
  updateTaskRow,
  type TaskInsert,
  type TaskListRow,
  type TaskRow,
} from './supervision.queries.js';

function notFound(id: number): AppError {
  return new AppError('not_found', { messageKey: 'supervision.error.notFound', params: { id } });
}

/** The task as its list item, 404 when unknown or outside the caller's scope (the same answer). */
async function requireVisible(db: Db, actor: Actor, id: number, today: string): Promise<TaskListRow> {
  const item = await selectTaskItem(db, id, lightBoundsOf(today));
  if (!item || !canViewTask(actor, item)) throw notFound(id);
  return item;
}

function presentItem(item: TaskListRow) {
  const { assigneeAliases: _aliases, createdBy: _by, ...rest } = item;
  return rest;
}

/** `GET /api/supervision/tasks`: the caller's tasks (scope in SQL) with filters and lights; `escalated` = the red ones. */
export async function listTasks(db: Db, actor: Actor, input: ListTasksQuery, today = todayInShanghai()): Promise<ListTasksResponse> {
  const query = listTasksQuery.parse(input);
  const { rows, total } = await selectTasksPage(
    db,
    dataScopeOf(actor),
    { ...query, light: query.escalated === 'true' ? 'red' : query.light, ...pageWindow(query) },
    lightBoundsOf(today),
  );
  return { items: rows.map(presentItem), total };
}

/** `GET /api/supervision/tasks/:id`: one task with its timeline and the actions the caller may take now. */
export async function getTask(db: Db, actor: Actor, id: number, today = todayInShanghai()): Promise<TaskDetail> {
  const item = await requireVisible(db, actor, id, today);
  const row = await selectTaskRow(db, id);
  if (!row) throw notFound(id);
  const parties = taskPartiesOf(actor, item);
  return {
    ...presentItem(item),
    description: row.description,
    targetYear: row.targetYear,
    extensionReason: row.extensionReason,
    createdByName: row.createdByName,
    events: await selectTaskEvents(db, id),
    parties,
    actions: taskActionsFor(item.status, parties),
  };
}

/** `GET /api/supervision/assignees`: whom a task may be assigned to (the create dialog's choices). */
export async function listTaskAssignees(db: Db, _actor: Actor) {
  return { items: await selectAssigneeOptions(db) };
}

function invalid(
  path: string,
  messageKey: 'supervision.error.pastDeadline' | 'supervision.error.unknownAssignee',
  params: Record<string, string>,
) {
  return invalidField(path, messageKey, params, messageKey);
}

/** Refuses a date before today (a deadline, a requested extension). */
function requireNotPast(path: string, date: string, today: string): void {
  if (date < today) throw invalid(path, 'supervision.error.pastDeadline', { date, today });
}

/** Refuses an assignee the platform does not know; answers the names a park is known by. */
async function requireAssignee(db: Db, path: string, assignee: TaskAssignee): Promise<TaskAssignee> {
  const ref = assignee.ref.trim();
  if (!(await hasAssignee(db, assignee.kind, ref))) throw invalid(path, 'supervision.error.unknownAssignee', { ref });
  return { kind: assignee.kind, ref };
}

function eventOf(
  actor: Actor,
  taskId: number,
  action: string,
  from: TaskStatus | null,
  to: TaskStatus,
  extra: { note?: string | null; percent?: number | null; reportedOn?: string | null } = {},
) {
  return {
    taskId,
    action,
    fromStatus: from,
    toStatus: to,
    ...actorStamp(actor),
    note: extra.note ?? null,
    percent: extra.percent ?? null,
    reportedOn: extra.reportedOn ?? null,
  };
}

function auditView(row: TaskRow) {
  return {
    title: row.title,
    source: row.source,
    chainCode: row.chainCode,
    year: row.year,
    assignee: `${row.assigneeKind}:${row.assigneeRef}`,
    status: row.status,
    deadline: row.deadline,
    progress: row.progress,
    doneOn: row.doneOn,
    extensionDue: row.extensionDue,
  };
}

/** The park aliases are read back from the stored row (a fresh list item). */
async function noticeOf(db: Db, row: TaskRow, today: string) {
  const item = await selectTaskItem(db, row.id, lightBoundsOf(today));
  return {
    id: row.id,
    title: row.title,
    deadline: row.deadline,
    chainCode: row.chainCode,
    assigneeKind: item?.assigneeKind ?? 'department',
    assigneeAliases: item?.assigneeAliases ?? [row.assigneeRef],
    createdBy: row.createdBy,
  };
}

/** What a new task says, whom it is for and by when; saveNewTask adds who set it when, 待办. */
type NewTask = Pick<TaskInsert, 'title' | 'description' | 'source' | 'chainCode' | 'targetYear' | 'year'> & {
  assignee: TaskAssignee;
  deadline: string;
};

/**
 * Inserts a task (待办, set by the actor today) with its first timeline row, audit row and the
 * assignee's notification, in one transaction.
 */
async function saveNewTask(db: Db, actor: Actor, { assignee, deadline, ...fields }: NewTask, today: string): Promise<number> {
  const task: TaskInsert = {
    ...fields,
    assigneeKind: assignee.kind,
    assigneeRef: assignee.ref,
    status: 'todo',
    deadline,
    createdOn: today,
    createdBy: actor.system ? null : actor.id,
    createdByName: actor.displayName,
  };
  return db.transaction(async (tx) => {
    const row = await insertTask(tx, task);
    await insertTaskEvents(tx, [eventOf(actor, row.id, 'create', null, 'todo', { note: task.description || null })]);
    await recordAudit(tx, actor, { action: 'create', entity: 'supervision_task', entityId: String(row.id), after: auditView(row) });
    await notifyTaskAssigned(tx, actor, await noticeOf(tx, row, today));
    return row.id;
  });
}

/** The scope facts of an assignee before the task exists (a park known by its id only: enough to refuse a chain office assigning itself). */
const factsOf = (chainCode: string | null, assignee: TaskAssignee) => ({
  chainCode,
  assigneeKind: assignee.kind,
  assigneeAliases: [assignee.ref],
});

/**
 * `POST /api/supervision/tasks`: a task set by hand (待办). The admin and 市领导 assign anyone; a
 * chain office assigns its own chain's work to others. Refused, with nothing written: a deadline
 * before today, an unknown assignee or chain.
 */
export async function createTask(db: Db, actor: Actor, body: CreateTaskRequest, today = todayInShanghai()): Promise<TaskDetail> {
  const input = createTaskRequest.parse(body);
  const chainCode = input.chainCode ?? null;
  requireAccess(canCreateTask(actor, chainCode, factsOf(chainCode, input.assignee)));
  requireNotPast('body.deadline', input.deadline, today);
  if (chainCode !== null && !(await hasChain(db, chainCode))) {
    throw invalidField('body.chainCode', 'supervision.error.unknownChain', { code: chainCode });
  }
  const assignee = await requireAssignee(db, 'body.assignee.ref', input.assignee);
  const id = await saveNewTask(
    db,
    actor,
    {
      title: input.title,
      description: input.description,
      source: input.source,
      chainCode,
      year: Number(input.deadline.slice(0, 4)),
      assignee,
      deadline: input.deadline,
    },
    today,
  );
  return getTask(db, actor, id, today);
}

/** 亿元 with two decimals, for a generated task's text. */
const yi = (yuan: number) => (yuan / 1e8).toFixed(2);

/**
 * `POST /api/supervision/tasks/from-target` (从年度目标生成任务): a task to reach a chain's yearly
 * target, assigned to the chain's office unless another assignee is given, due on the year's last
 * day unless a deadline is given. Refused: no such target (404), a task already generated for that
 * target and assignee (409), a deadline before today, an unknown assignee.
 */
export async function createTaskFromTarget(
  db: Db,
  actor: Actor,
  body: TaskFromTargetRequest,
  today = todayInShanghai(),
): Promise<TaskDetail> {
  const input = taskFromTargetRequest.parse(body);
  const wanted = input.assignee ?? { kind: 'chain_office' as const, ref: input.chainCode };
  requireAccess(canCreateTargetTask(actor, input.chainCode));
  const target = await selectChainTarget(db, input.chainCode, input.year);
  if (!target)
    throw new AppError('not_found', { messageKey: 'supervision.error.noTarget', params: { code: input.chainCode, year: input.year } });
  const deadline = input.deadline ?? `${input.year}-12-31`;
  requireNotPast(input.deadline === undefined ? 'body.year' : 'body.deadline', deadline, today);
  const assignee = await requireAssignee(db, 'body.assignee.ref', wanted);
  if (await hasTargetTask(db, input.chainCode, input.year, assignee.kind, assignee.ref)) {
    throw new AppError('conflict', {
      messageKey: 'supervision.error.targetTaskExists',
      params: { code: input.chainCode, year: input.year },
    });
  }
  const parts = [
    target.outputTargetYuan === null ? null : `工业总产值 ${yi(target.outputTargetYuan)} 亿元`,
    target.growthTarget === null ? null : `增长 ${(target.growthTarget * 100).toFixed(1)}%`,
  ].filter((p): p is string => p !== null);
  const id = await saveNewTask(
    db,
    actor,
    {
      title: `完成${input.year}年${target.name}年度目标`,
      description: `${input.year}年度目标：${parts.length > 0 ? parts.join('，') : '见产业链年度目标'}。请按月报告进展。`,
      source: 'target',
      chainCode: input.chainCode,
      targetYear: input.year,
      year: input.year,
      assignee,
      deadline,
    },
    today,
  );
  return getTask(db, actor, id, today);
}

/** Refuses a move the table does not hold now (409), or not to the caller (403), saying which. */
function requireTaskMove(action: TaskAction, status: TaskStatus, parties: ReturnType<typeof taskPartiesOf>) {
  return requireMove(taskWorkflow, action, status, parties, {
    illegal: 'supervision.error.illegalTransition',
    onlyParty: (move) => (move.parties.includes('assignee') ? 'supervision.error.onlyAssignee' : 'supervision.error.onlyAssigner'),
    params: { ...bilingualParam('status', `supervision.status.${status}`), ...bilingualParam('action', `supervision.action.${action}`) },
  });
}

/** Refuses a body missing what the action requires, naming every missing field. */
function requireTaskFields(input: TaskActionRequest, fields: readonly TaskActionField[]): void {
  requireFields('supervision.error.missingFields', fields, {
    percent: input.percent !== undefined,
    note: Boolean(input.note),
    reason: Boolean(input.reason),
    assignee: input.assignee !== undefined,
    requestedDeadline: input.requestedDeadline !== undefined,
  });
}

type Change = { fields: Partial<TaskInsert>; note: string | null; percent?: number; reportedOn?: string };

/** What each action changes besides the status; throws for what it refuses. */
async function changeOf(db: Db, row: TaskRow, input: TaskActionRequest, today: string): Promise<Change> {
  switch (input.action) {
    case 'report': {
      const reportedOn = input.reportedOn ?? today;
      if (reportedOn > today || reportedOn < row.createdOn) {
        throw invalidField('body.reportedOn', 'supervision.error.reportDate', { date: reportedOn, from: row.createdOn, today });
      }
      const percent = input.percent ?? 0;
      return { fields: { progress: percent }, note: input.note ?? null, percent, reportedOn };
    }
    case 'complete':
      return {
        fields: { progress: 100, doneOn: today, onTime: today <= row.deadline, extensionDue: null, extensionReason: null },
        note: input.note ?? null,
        percent: 100,
        reportedOn: today,
      };
    case 'return':
      return { fields: { extensionDue: null, extensionReason: null }, note: input.reason ?? null };
    case 'reassign': {
      const assignee = await requireAssignee(db, 'body.assignee.ref', input.assignee ?? { kind: 'department', ref: '' });
      return {
        fields: { assigneeKind: assignee.kind, assigneeRef: assignee.ref, progress: 0 },
        note: input.reason ?? `${assignee.kind}:${assignee.ref}`,
      };
    }
    case 'reopen':
      return { fields: { doneOn: null, onTime: null }, note: input.reason ?? null };
    case 'request_extension': {
      if (row.extensionDue !== null)
        throw new AppError('conflict', { messageKey: 'supervision.error.extensionPending', params: { date: row.extensionDue } });
      const requested = input.requestedDeadline ?? today;
      requireNotPast('body.requestedDeadline', requested, today);
      if (requested <= row.deadline) {
        throw invalidField('body.requestedDeadline', 'supervision.error.extensionNotLater', { date: requested, due: row.deadline });
      }
      return {
        fields: { extensionDue: requested, extensionReason: input.reason ?? null },
        note: `${requested} ${input.reason ?? ''}`.trim(),
      };
    }
    case 'approve_extension':
    case 'refuse_extension': {
      if (row.extensionDue === null) throw new AppError('conflict', { messageKey: 'supervision.error.noExtensionPending' });
      const approve = input.action === 'approve_extension';
      return {
        fields: approve
          ? { deadline: row.extensionDue, extensionDue: null, extensionReason: null }
          : { extensionDue: null, extensionReason: null },
        note: input.reason ?? (approve ? row.extensionDue : null),
      };
    }
    case 'start':
      return { fields: {}, note: null };
  }
}

/**
 * `POST /api/supervision/tasks/:id/actions`: one move of the workflow in one transaction: the new
 * status and fields, the timeline row, the audit row and the notifications. Refused, with nothing
 * written: a move the table does not hold (409), by someone not its party (403), a missing field,
 * a percent over 100, a date out of range, a task changed since it was shown (409).
 */
export async function actOnTask(db: Db, actor: Actor, id: number, body: TaskActionRequest, today = todayInShanghai()): Promise<TaskDetail> {
  const input = taskActionRequest.parse(body);
  const item = await requireVisible(db, actor, id, today);
  const move = requireTaskMove(input.action, item.status, taskPartiesOf(actor, item));
  requireTaskFields(input, move.requires);
  requireVersion(item.version, input.version);
  await applyTransition(db, input.version, {
    lock: (tx) => selectTaskForUpdate(tx, id),
    notFound: () => notFound(id),
    // The status column only ever holds TASK_STATUSES (supervision_tasks_status_check).
    stateOf: (row) => row.status as TaskStatus,
    change: (tx, before) => changeOf(tx, before, input, today),
    stateAfter: (from) => taskStatusAfter(input.action, from),
    update: (tx, before, to, change) => updateTaskRow(tx, id, before.version, { ...change.fields, status: to }),
    record: async (tx, { before, after, from, to, change }) => {
      await insertTaskEvents(tx, [eventOf(actor, id, input.action, from, to, change)]);
      const audit = { before: auditView(before), after: auditView(after) };
      await recordAudit(tx, actor, { action: input.action, entity: 'supervision_task', entityId: String(id), ...audit });
      const notice = await noticeOf(tx, after, today);
      if (input.action === 'reassign') await notifyTaskAssigned(tx, actor, notice);
      else await notifyTaskAction(tx, actor, notice, input.action, change.percent);
    },
  });
  return getTask(db, actor, id, today);
}
