// Who hears of what happens to a supervision task (in-app notifications), and the daily sweep that
// warns the assignee of a deadline near (yellow) and escalates overdue tasks (red) to whoever set
// them, the chain office and 链长 of its chain (the leaders' 督办 list shows every red task).
import type { NotificationKind } from '../../../shared/contracts/tickets.js';
import type { TaskAction } from '../../../shared/supervision/workflow.js';
import type { Db } from '../../db/client.js';
import { lightBoundsOf } from '../../lib/lights.js';
import type { Actor } from '../access/actor.js';
import { notify, notifyDeadlineOnce, type Audience } from '../notifications/notifications.service.js';
import { selectTasksByLight } from './supervision.queries.js';

/** What the notifications need to know of a task. */
export type TaskNotice = {
  id: number;
  title: string;
  deadline: string;
  chainCode: string | null;
  assigneeKind: 'chain_office' | 'department' | 'park';
  assigneeAliases: readonly string[];
  createdBy: string | null;
};

/** The users working for the task's assignee. */
function assigneeOf(task: TaskNotice): Audience {
  switch (task.assigneeKind) {
    case 'chain_office':
      return { roles: ['chain_office'], kind: 'chain', refs: task.assigneeAliases };
    case 'department':
      return { roles: ['department'], kind: 'department', refs: task.assigneeAliases };
    case 'park':
      return { roles: ['park'], kind: 'park', refs: task.assigneeAliases };
  }
}

/** The chain office of the task's chain, when the task is not its own. */
function chainOfficeOf(task: TaskNotice): Audience[] {
  if (task.chainCode === null || (task.assigneeKind === 'chain_office' && task.assigneeAliases.includes(task.chainCode))) return [];
  return [{ roles: ['chain_office'], kind: 'chain', refs: [task.chainCode] }];
}

/** Whom each action concerns: the assignee hears of what the assigner did, and the other way round. */
const ACTION_NOTICE: Partial<Record<TaskAction, { kind: NotificationKind; to: 'assignee' | 'assigner' }>> = {
  report: { kind: 'task_progress', to: 'assigner' },
  complete: { kind: 'task_done', to: 'assigner' },
  return: { kind: 'task_returned', to: 'assigner' },
  request_extension: { kind: 'task_extension', to: 'assigner' },
  reassign: { kind: 'task_assigned', to: 'assignee' },
  reopen: { kind: 'task_returned', to: 'assignee' },
  approve_extension: { kind: 'task_extension', to: 'assignee' },
  refuse_extension: { kind: 'task_extension', to: 'assignee' },
};

/** A new task (or a reassignment): the assignee. Call inside the write's transaction. */
export async function notifyTaskAssigned(db: Db, actor: Actor, task: TaskNotice): Promise<void> {
  await notify(db, actor, [assigneeOf(task)], {
    kind: 'task_assigned',
    ticketId: null,
    taskId: task.id,
    params: { id: task.id, title: task.title, deadline: task.deadline },
  });
}

/** After an action: the other side (see ACTION_NOTICE); `percent` for a progress report. */
export async function notifyTaskAction(db: Db, actor: Actor, task: TaskNotice, action: TaskAction, percent?: number): Promise<void> {
  const notice = ACTION_NOTICE[action];
  if (!notice) return;
  const params = { id: task.id, title: task.title, deadline: task.deadline, percent: percent ?? 0 };
  const entry = { kind: notice.kind, ticketId: null, taskId: task.id, params };
  if (notice.to === 'assignee') await notify(db, actor, [assigneeOf(task)], entry);
  else await notify(db, actor, chainOfficeOf(task), entry, [task.createdBy]);
}

/**
 * The deadline sweep of one day over open tasks: yellow ones warn the assignee; red ones tell the
 * assignee and escalate to the task's creator and the chain office and 链长 of its chain. Each user
 * hears of one deadline of one task once per kind. Returns the notifications sent.
 */
export async function sweepTaskDeadlines(db: Db, today: string): Promise<number> {
  const bounds = lightBoundsOf(today);
  let sent = 0;
  for (const light of ['yellow', 'red'] as const) {
    for (const task of await selectTasksByLight(db, light, bounds)) {
      const chiefs: Audience[] = task.chainCode === null ? [] : [{ roles: ['chain_chief'], kind: 'chain', refs: [task.chainCode] }];
      const audiences = light === 'red' ? [assigneeOf(task), ...chainOfficeOf(task), ...chiefs] : [assigneeOf(task)];
      sent += await notifyDeadlineOnce(
        db,
        audiences,
        {
          kind: light === 'red' ? 'task_overdue' : 'task_deadline',
          ticketId: null,
          taskId: task.id,
          params: { id: task.id, title: task.title, deadline: task.deadline },
        },
        light === 'red' ? [task.createdBy] : [],
      );
    }
  }
  return sent;
}
