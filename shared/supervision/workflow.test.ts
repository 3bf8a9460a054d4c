import { describe, expect, it } from 'vitest';
import { checkWorkflowTable, type WrittenMoveOf } from '../workflow-check.js';
import { mayActOnTask, TASK_ACTIONS, TASK_PARTIES, TASK_STATUSES, taskActionsFor, taskStatusAfter, type taskWorkflow } from './workflow.js';

// The task workflow written out by hand, independent of the table: "action: from statuses → to; party"
// ('stay' keeps the status). Every (action, status, party) not listed here must be refused.
const ALLOWED: readonly WrittenMoveOf<typeof taskWorkflow>[] = [
  ['start', 'todo', 'assignee', 'in_progress'],
  ['report', 'todo in_progress', 'assignee', 'in_progress'],
  ['complete', 'todo in_progress', 'assignee', 'done'],
  ['return', 'todo in_progress', 'assignee', 'returned'],
  ['reassign', 'returned', 'assigner', 'todo'],
  ['reopen', 'done', 'assigner', 'in_progress'],
  ['request_extension', 'todo in_progress', 'assignee', 'stay'],
  ['approve_extension', 'todo in_progress', 'assigner', 'stay'],
  ['refuse_extension', 'todo in_progress', 'assigner', 'stay'],
];

describe('supervision task workflow', () => {
  it('allows exactly the hand-written moves, for exactly their party, and refuses every other', () => {
    const table = { actions: TASK_ACTIONS, states: TASK_STATUSES, parties: TASK_PARTIES, moves: ALLOWED };
    // 1+2+2+2+1+1+2+2+2 = 15 allowed; 9 actions × 4 statuses × 2 parties = 72 combinations.
    expect(checkWorkflowTable({ ...table, mayAct: mayActOnTask, stateAfter: taskStatusAfter })).toEqual({
      wrong: [],
      allowed: 15,
      refused: 57,
    });
  });

  it('offers each party its own actions', () => {
    expect(taskActionsFor('in_progress', ['assignee'])).toEqual(['report', 'complete', 'return', 'request_extension']);
    expect(taskActionsFor('in_progress', ['assigner'])).toEqual(['approve_extension', 'refuse_extension']);
    expect(taskActionsFor('done', ['assigner'])).toEqual(['reopen']);
    expect(taskActionsFor('done', ['assignee'])).toEqual([]);
    expect(taskActionsFor('returned', ['assignee'])).toEqual([]);
  });
});
