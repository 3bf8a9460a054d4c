// What the supervision module offers other modules to read (the assessment's "tasks done" indicator).
import type { TaskAssigneeKind, TaskCompletion } from '../../../shared/contracts/supervision.js';
import type { Db } from '../../db/client.js';
import { selectTaskCompletion } from './supervision.queries.js';

/**
 * A year's tasks of one assignee (a chain office by chain code, a department by name, a park by id):
 * `total` assigned to it (returned ones left out: handed back, not its work), `done` completed,
 * `onTime` completed by the deadline in force (an approved extension counts). The year is the task's
 * (its target's, else its deadline's).
 */
export async function taskCompletionOf(
  db: Db,
  query: { year: number; assigneeKind: TaskAssigneeKind; assigneeRef: string },
): Promise<TaskCompletion> {
  return selectTaskCompletion(db, query.year, query.assigneeKind, query.assigneeRef);
}
