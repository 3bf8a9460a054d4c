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

export const TASK_ACTIONS = [
  'start',
  'report',
  'complete',
  'return',
  'reassign',
  'reopen',
  'request_extension',
  'approve_extension',
  'refuse_extension',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** What an action needs in its body besides the action itself. */
export type TaskActionField = 'percent' | 'note' | 'reason' | 'assignee' | 'requestedDeadline';

type TaskTransition = {
  action: TaskAction;
  from: readonly TaskStatus[];
  /** The status after; `null` keeps it (延期 requests and answers). */
  to: TaskStatus | null;
  party: TaskParty;
  requires: readonly TaskActionField[];
};

const OPEN: readonly TaskStatus[] = ['todo', 'in_progress'];

/** Every allowed move; anything else is refused. A progress report of a 待办 task starts it. */
export const TASK_TRANSITIONS = [
  { action: 'start', from: ['todo'], to: 'in_progress', party: 'assignee', requires: [] },
  { action: 'report', from: OPEN, to: 'in_progress', party: 'assignee', requires: ['percent', 'note'] },
  { action: 'complete', from: OPEN, to: 'done', party: 'assignee', requires: ['note'] },
  { action: 'return', from: OPEN, to: 'returned', party: 'assignee', requires: ['reason'] },
  { action: 'reassign', from: ['returned'], to: 'todo', party: 'assigner', requires: ['assignee'] },
  { action: 'reopen', from: ['done'], to: 'in_progress', party: 'assigner', requires: ['reason'] },
  { action: 'request_extension', from: OPEN, to: null, party: 'assignee', requires: ['requestedDeadline', 'reason'] },
  { action: 'approve_extension', from: OPEN, to: null, party: 'assigner', requires: [] },
  { action: 'refuse_extension', from: OPEN, to: null, party: 'assigner', requires: ['reason'] },
] as const satisfies readonly TaskTransition[];

/** The move `action` makes from `from`, or null when the table does not hold it. */
export function taskTransitionOf(action: TaskAction, from: TaskStatus): TaskTransition | null {
  return TASK_TRANSITIONS.find((t) => t.action === action && t.from.some((s) => s === from)) ?? null;
}

/** Whether any of `parties` may make `action` from `from`. */
export function mayActOnTask(action: TaskAction, from: TaskStatus, parties: readonly TaskParty[]): boolean {
  const move = taskTransitionOf(action, from);
  return move !== null && parties.includes(move.party);
}

/** The actions these parties may take on a task in `status` (the web offers exactly these). */
export function taskActionsFor(status: TaskStatus, parties: readonly TaskParty[]): TaskAction[] {
  return TASK_ACTIONS.filter((action) => mayActOnTask(action, status, parties));
}

/** The status after an action (unchanged for a move the table does not hold). */
export function taskStatusAfter(action: TaskAction, from: TaskStatus): TaskStatus {
  return taskTransitionOf(action, from)?.to ?? from;
}

/** Statuses whose deadline still runs (lights, sweep). */
export const OPEN_TASK_STATUSES = OPEN;
