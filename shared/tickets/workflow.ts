import { EXTENSION_ACTIONS, extensionMoves, workflowOf, type WorkflowMove } from '../workflow.js';

/**
 * The workflow of an enterprise problem ticket (问题交办), one table the server enforces and the web
 * reads to offer actions: 待受理 → 受理 → 交办 (lead unit, 协办 units, deadline) → 办理中 → 已答复 →
 * 企业评价 → 办结; plus 退回 (to the enterprise, or by the unit back to the chain office, with a
 * reason), 延期 (the unit asks, the chain office approves or refuses), 挂账 (a hard case parked
 * with a review date), 转办 (another lead unit), 协办 notes and leaders' 批示.
 *
 * Who may act is a party of the ticket, not a bare role: the enterprise the ticket belongs to; the
 * chain office (链办) of one of its chains, or the admin; the lead unit's department; a 协办 unit's
 * department; a leader (市领导, or the 链长 of one of its chains). The server works out the caller's
 * parties (tickets.policy.ts); a move the table does not hold is refused.
 */
export const TICKET_CATEGORIES = ['land', 'power', 'finance', 'labour', 'approval', 'logistics', 'policy', 'environment', 'other'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const TICKET_STATES = [
  'pending',
  'accepted',
  'assigned',
  'in_progress',
  'answered',
  'rated',
  'closed',
  'returned',
  'parked',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** States a ticket has left for good. */
export const FINAL_TICKET_STATES = ['closed', 'returned'] as const satisfies readonly TicketState[];

export const TICKET_PARTIES = ['enterprise', 'office', 'lead_unit', 'co_unit', 'leader'] as const;
export type TicketParty = (typeof TICKET_PARTIES)[number];

export const TICKET_ACTIONS = [
  'accept',
  'return_to_enterprise',
  'assign',
  'start',
  'send_back',
  'transfer',
  'answer',
  'rate',
  'close',
  'park',
  'unpark',
  ...EXTENSION_ACTIONS,
  'co_note',
  'instruct',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** What an action needs in its body besides the action itself. */
export type TicketActionField = 'reason' | 'units' | 'answer' | 'rating' | 'reviewOn' | 'requestedDue' | 'note';

const WORKING: readonly TicketState[] = ['assigned', 'in_progress'];
const OPEN: readonly TicketState[] = ['pending', 'accepted', 'assigned', 'in_progress', 'answered', 'rated', 'parked'];

/**
 * Every allowed move. An unsatisfied rating (1 or 2) sends the ticket back to 办理中 instead of 已评价
 * (the unit works on; see `stateAfter`). 转办 starts the new unit's clock afresh.
 */
export const TICKET_TRANSITIONS = [
  { action: 'accept', from: ['pending'], to: 'accepted', parties: ['office'], requires: [] },
  { action: 'return_to_enterprise', from: ['pending', 'accepted'], to: 'returned', parties: ['office'], requires: ['reason'] },
  { action: 'assign', from: ['accepted'], to: 'assigned', parties: ['office'], requires: ['units'] },
  { action: 'start', from: ['assigned'], to: 'in_progress', parties: ['lead_unit'], requires: [] },
  { action: 'send_back', from: WORKING, to: 'accepted', parties: ['lead_unit'], requires: ['reason'] },
  { action: 'transfer', from: WORKING, to: 'assigned', parties: ['office'], requires: ['units', 'reason'] },
  { action: 'answer', from: ['in_progress'], to: 'answered', parties: ['lead_unit'], requires: ['answer'] },
  { action: 'rate', from: ['answered'], to: 'rated', parties: ['enterprise'], requires: ['rating'] },
  { action: 'close', from: ['rated'], to: 'closed', parties: ['office'], requires: [] },
  { action: 'park', from: WORKING, to: 'parked', parties: ['office'], requires: ['reason', 'reviewOn'] },
  { action: 'unpark', from: ['parked'], to: 'in_progress', parties: ['office'], requires: [] },
  ...extensionMoves(WORKING, 'lead_unit', 'office', 'requestedDue'),
  { action: 'co_note', from: WORKING, to: null, parties: ['co_unit'], requires: ['note'] },
  { action: 'instruct', from: OPEN, to: null, parties: ['leader'], requires: ['note'] },
] as const satisfies readonly WorkflowMove<TicketAction, TicketState, TicketParty, TicketActionField>[];

export const ticketWorkflow = workflowOf(TICKET_ACTIONS, TICKET_TRANSITIONS);

/** The table's answers (shared/workflow.ts): the move an action makes, who may make it, what a party is offered. */
export const { transitionOf: ticketTransitionOf, mayAct, actionsFor: ticketActionsFor } = ticketWorkflow;

/** A rating of 3 or more is satisfied; 1 or 2 reopens the ticket (办理中) for the unit to work on. */
export const SATISFIED_RATING = 3;

/** The state after an action (the rating decides where 企业评价 leads). */
export function stateAfter(action: TicketAction, from: TicketState, rating?: number): TicketState {
  const unsatisfied = action === 'rate' && rating !== undefined && rating < SATISFIED_RATING;
  return unsatisfied && ticketTransitionOf(action, from) ? 'in_progress' : ticketWorkflow.stateAfter(action, from);
}

/** Time limits in working days (settings; these are the defaults). */
export type TicketTimeLimits = { acceptDays: number; answerDays: number; resolveDays: number; multiDepartmentDays: number };
export const DEFAULT_TICKET_TIME_LIMITS: TicketTimeLimits = { acceptDays: 1, answerDays: 2, resolveDays: 10, multiDepartmentDays: 25 };

/** The deadline that runs in a state: the office's to accept and assign, the unit's to start, to answer; the review date of a parked case. */
export type RunningDeadline = 'accept' | 'respond' | 'resolve' | 'review' | null;
export function runningDeadlineOf(state: TicketState): RunningDeadline {
  switch (state) {
    case 'pending':
    case 'accepted':
      return 'accept';
    case 'assigned':
      return 'respond';
    case 'in_progress':
      return 'resolve';
    case 'parked':
      return 'review';
    default:
      return null;
  }
}
