// The checks every table-driven workflow (shared/workflow.ts) makes before a move: the move the table
// holds now and whether the caller is its party, then the body fields the move needs.
import type { MessageKey } from '../../shared/i18n/index.js';
import type { Workflow, WorkflowMove } from '../../shared/workflow.js';
import { AppError } from './errors.js';

/**
 * The move `action` makes from `state`; refused with 409 (`messages.illegal`) when the table holds
 * none, and with 403 (`messages.onlyParty` of the move) when none of `parties` may make it.
 * `messages.params` fill both messages (the labels of the state and the action).
 */
export function requireMove<A extends string, S extends string, P extends string, F extends string>(
  workflow: Workflow<A, S, P, F>,
  action: A,
  state: S,
  parties: readonly P[],
  messages: { illegal: MessageKey; onlyParty: (move: WorkflowMove<A, S, P, F>) => MessageKey; params: Record<string, string> },
): WorkflowMove<A, S, P, F> {
  const move = workflow.transitionOf(action, state);
  if (!move) throw new AppError('conflict', { messageKey: messages.illegal, params: messages.params });
  if (!workflow.mayAct(action, state, parties)) {
    throw new AppError('forbidden', { messageKey: messages.onlyParty(move), params: messages.params });
  }
  return move;
}

/**
 * Refuses a body missing any of `fields` (`present` says which it has), naming every missing one
 * (`nameOf`: its name in the body) in the message and as `body.<name>` in the details.
 */
export function requireFields<F extends string>(
  messageKey: MessageKey,
  fields: readonly F[],
  present: Record<F, boolean>,
  nameOf: (field: F) => string = (field) => field,
): void {
  const missing = fields.filter((field) => !present[field]).map(nameOf);
  if (missing.length === 0) return;
  throw new AppError('validation_failed', {
    messageKey,
    params: { fields: missing.join(', ') },
    details: missing.map((name) => ({ path: `body.${name}`, message: 'required' })),
  });
}
