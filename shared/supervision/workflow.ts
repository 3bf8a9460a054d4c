import { EXTENSION_ACTIONS, extensionMoves, workflowOf, type WorkflowMove } from '../workflow.js';

/**
 * The workflow of a supervision task (督办任务), one table the server enforces and the web reads to
 * offer actions: 待办 → 进行中 → 已完成; plus 退回 (the assignee hands a task back to whoever set it,
 * with a reason; the assigner reassigns it, 待办 again), 延期 (the assignee asks, the assigner
 * approves or refuses) and 重新办理 (the assigner reopens a completion it does not accept).
 *
 * Parties, worked out per task by the server (supervision.policy.ts): the assignee (the chain office,
 * department or park the task is assigned to) and the assigner (the admin, a 市领导, or the chain
 * office of the task's chain when the task is not its own).
 */
export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'returned'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PARTIES = ['assignee', 'assigner'] as const;
export type TaskParty = (typeof TASK_PARTIES)[number];

export const TASK_ACTIONS = ['start', 'report', 'complete', 'return', 'reassign', 'reopen', ...EXTENSION_ACTIONS] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** What an action needs in its body besides the action itself. */
export type TaskActionField = 'percent' | 'note' | 'reason' | 'assignee' | 'requestedDeadline';

const OPEN: readonly TaskStatus[] = ['todo', 'in_progress'];

/** Every allowed move; anything else is refused. A progress report of a 待办 task starts it. */
export const TASK_TRANSITIONS = [
  { action: 'start', from: ['todo'], to: 'in_progress', parties: ['assignee'], requires: [] },
  { action: 'report', from: OPEN, to: 'in_progress', parties: ['assignee'], requires: ['percent', 'note'] },
  { action: 'complete', from: OPEN, to: 'done', parties: ['assignee'], requires: ['note'] },
  { action: 'return', from: OPEN, to: 'returned', parties: ['assignee'], requires: ['reason'] },
  { action: 'reassign', from: ['returned'], to: 'todo', parties: ['assigner'], requires: ['assignee'] },
  { action: 'reopen', from: ['done'], to: 'in_progress', parties: ['assigner'], requires: ['reason'] },
  ...extensionMoves(OPEN, 'assignee', 'assigner', 'requestedDeadline'),
] as const satisfies readonly WorkflowMove<TaskAction, TaskStatus, TaskParty, TaskActionField>[];

/** The table's answers (shared/workflow.ts): the move an action makes, who may make it, what a party is offered, the status after. */
export const taskWorkflow = workflowOf(TASK_ACTIONS, TASK_TRANSITIONS);
export const {
  transitionOf: taskTransitionOf,
  mayAct: mayActOnTask,
  actionsFor: taskActionsFor,
  stateAfter: taskStatusAfter,
} = taskWorkflow;

/** Statuses whose deadline still runs (lights, sweep). */
export const OPEN_TASK_STATUSES = OPEN;
