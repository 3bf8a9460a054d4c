import { describe, expect, it } from 'vitest';
import { checkWorkflowTable, type WrittenMoveOf } from '../workflow-check.js';
import { mayAct, stateAfter, TICKET_ACTIONS, TICKET_PARTIES, TICKET_STATES, ticketActionsFor, type ticketWorkflow } from './workflow.js';

// The workflow written out by hand, independent of the table: "action: from states → to; party".
// Every (action, state, party) not listed here must be refused.
const ALLOWED: readonly WrittenMoveOf<typeof ticketWorkflow>[] = [
  ['accept', 'pending', 'office', 'accepted'],
  ['return_to_enterprise', 'pending accepted', 'office', 'returned'],
  ['assign', 'accepted', 'office', 'assigned'],
  ['start', 'assigned', 'lead_unit', 'in_progress'],
  ['send_back', 'assigned in_progress', 'lead_unit', 'accepted'],
  ['transfer', 'assigned in_progress', 'office', 'assigned'],
  ['answer', 'in_progress', 'lead_unit', 'answered'],
  ['rate', 'answered', 'enterprise', 'rated'],
  ['close', 'rated', 'office', 'closed'],
  ['park', 'assigned in_progress', 'office', 'parked'],
  ['unpark', 'parked', 'office', 'in_progress'],
  // Moves that keep the state.
  ['request_extension', 'assigned in_progress', 'lead_unit', 'stay'],
  ['approve_extension', 'assigned in_progress', 'office', 'stay'],
  ['refuse_extension', 'assigned in_progress', 'office', 'stay'],
  ['co_note', 'assigned in_progress', 'co_unit', 'stay'],
  ['instruct', 'pending accepted assigned in_progress answered rated parked', 'leader', 'stay'],
];

describe('ticket workflow', () => {
  it('allows exactly the hand-written moves, for exactly their party, and refuses every other', () => {
    // A rating of 5 (satisfied): 企业评价 leads to 已评价.
    const table = { actions: TICKET_ACTIONS, states: TICKET_STATES, parties: TICKET_PARTIES, moves: ALLOWED };
    // A rating of 5 (satisfied): 企业评价 leads to 已评价.
    const result = checkWorkflowTable({ ...table, mayAct, stateAfter: (action, state) => stateAfter(action, state, 5) });
    // 1+2+1+1+2+2+1+1+1+2+1 = 15 state changes, 2+2+2+2+7 = 15 staying moves; 16 × 9 × 5 = 720 combinations.
    expect(result).toEqual({ wrong: [], allowed: 30, refused: 690 });
  });

  it('closed and returned tickets offer nothing to anyone', () => {
    for (const state of ['closed', 'returned'] as const) expect(ticketActionsFor(state, TICKET_PARTIES)).toEqual([]);
  });

  it('reopens an unsatisfied rating (1 or 2) and closes toward 已评价 from 3 up', () => {
    expect(stateAfter('rate', 'answered', 1)).toBe('in_progress');
    expect(stateAfter('rate', 'answered', 2)).toBe('in_progress');
    expect(stateAfter('rate', 'answered', 3)).toBe('rated');
    expect(stateAfter('rate', 'answered', 5)).toBe('rated');
  });

  it('offers each party its own actions on a ticket in work', () => {
    expect(ticketActionsFor('in_progress', ['lead_unit'])).toEqual(['send_back', 'answer', 'request_extension']);
    expect(ticketActionsFor('in_progress', ['office'])).toEqual(['transfer', 'park', 'approve_extension', 'refuse_extension']);
    expect(ticketActionsFor('answered', ['enterprise'])).toEqual(['rate']);
    expect(ticketActionsFor('answered', ['co_unit'])).toEqual([]);
  });
});
