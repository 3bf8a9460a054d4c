import type { TaskAssigneeKind } from '../../../shared/contracts/supervision.js';
import type { Role } from '../../../shared/roles.js';
import type { TaskParty } from '../../../shared/supervision/workflow.js';
import { dataScopeOf } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';

/** What the scope and party checks need to know about one task. */
export type TaskScopeFacts = {
  chainCode: string | null;
  assigneeKind: TaskAssigneeKind;
  /** The names the assignee is known by in scopes: a chain code, a department, a park's id, short and full name. */
  assigneeAliases: readonly string[];
};

/** The role that works for each kind of assignee. */
const ASSIGNEE_ROLE: Record<TaskAssigneeKind, Role> = { chain_office: 'chain_office', department: 'department', park: 'park' };

/** Whether the actor works for the task's assignee (its chain office, department or park). */
function isAssignee(actor: Actor, task: TaskScopeFacts): boolean {
  const scope = dataScopeOf(actor);
  if (scope.all || actor.role !== ASSIGNEE_ROLE[task.assigneeKind]) return false;
  return task.assigneeAliases.some((alias) => scope.refs.includes(alias));
}

/**
 * Who sees a task: admin and leaders every one; the assignee its own; 链长 and 链办 the tasks of
 * their chains (and those assigned to their chain office); nobody else (enterprises, 县市区).
 */
export function canViewTask(actor: Actor, task: TaskScopeFacts): boolean {
  const scope = dataScopeOf(actor);
  if (scope.all) return true;
  if (isAssignee(actor, task)) return true;
  if (scope.kind !== 'chain') return false;
  const ofChain = task.chainCode !== null && scope.refs.includes(task.chainCode);
  return ofChain || (task.assigneeKind === 'chain_office' && task.assigneeAliases.some((alias) => scope.refs.includes(alias)));
}

/**
 * The caller's parties on a task: the assignee; the assigner: the admin, every 市领导, and the chain
 * office of the task's chain when the task is not its own.
 */
export function taskPartiesOf(actor: Actor, task: TaskScopeFacts): TaskParty[] {
  if (isAssignee(actor, task)) return ['assignee'];
  if (actor.role === 'admin' || actor.role === 'leader') return ['assigner'];
  const scope = dataScopeOf(actor);
  if (actor.role === 'chain_office' && !scope.all && task.chainCode !== null && scope.refs.includes(task.chainCode)) return ['assigner'];
  return [];
}

/**
 * Who sets tasks: the admin and 市领导 for anyone; a chain office for its own chain's work (the task
 * names the chain), assigned to others than itself.
 */
export function canCreateTask(actor: Actor, chainCode: string | null, assignee: TaskScopeFacts): boolean {
  if (actor.role === 'admin' || actor.role === 'leader') return true;
  if (actor.role !== 'chain_office' || chainCode === null) return false;
  const scope = dataScopeOf(actor);
  return !scope.all && scope.refs.includes(chainCode) && !isAssignee(actor, assignee);
}

/**
 * Who generates a task from a chain's yearly target (从年度目标生成任务): the admin and 市领导, and
 * the chain's own office (the target is the city's, so the office may take it on itself).
 */
export function canCreateTargetTask(actor: Actor, chainCode: string): boolean {
  if (actor.role === 'admin' || actor.role === 'leader') return true;
  const scope = dataScopeOf(actor);
  return actor.role === 'chain_office' && !scope.all && scope.refs.includes(chainCode);
}
