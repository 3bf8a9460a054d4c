// The checks every table-driven workflow (shared/workflow.ts) makes before a move: the move the table
// holds now and whether the caller is its party, then the body fields the move needs.
import { translate, type MessageKey } from '../../shared/i18n/index.js';
import type { Workflow, WorkflowMove } from '../../shared/workflow.js';
import type { Db } from '../db/client.js';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';
import { requireVersion } from './optimistic-lock.js';

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

/**
 * A label in both languages as message parameters `<name>Zh` and `<name>En` (a workflow's messages
 * name the state and the action in the reader's language: `{stateZh}`, `{actionEn}`).
 */
export function bilingualParam(name: string, key: MessageKey): Record<string, string> {
  return { [`${name}Zh`]: translate('zh-CN', key), [`${name}En`]: translate('en', key) };
}

/** Who made a move, as a timeline row records it (the system, acting from the CLI, has no user id). */
export function actorStamp(actor: Actor): { actorId: string | null; actorName: string; actorRole: Actor['role'] } {
  return { actorId: actor.system ? null : actor.id, actorName: actor.displayName, actorRole: actor.role };
}

/** What a move leaves behind for its timeline, audit and notifications. */
export type AppliedMove<Row, S extends string, C> = { before: Row; after: Row; from: S; to: S; change: C };

/** The parts of one move on a stored record that differ between workflows (tickets, supervision tasks). */
export type TransitionSteps<Row extends { version: number }, S extends string, C> = {
  /** The record locked for the move (a second move on it waits for the first); null when it is gone. */
  lock: (tx: Db) => Promise<Row | null>;
  notFound: () => AppError;
  /** The state the row holds (its CHECK constraint keeps it one of the workflow's states). */
  stateOf: (row: Row) => S;
  /** What the action changes besides the state; throws for what it refuses. */
  change: (tx: Db, before: Row) => Promise<C>;
  /** The state after the move (a rating may depend on the change). */
  stateAfter: (from: S, change: C) => S;
  /** Writes the new state and the change at the version read; answers the row after. */
  update: (tx: Db, before: Row, to: S, change: C) => Promise<Row>;
  /** The timeline row, the audit row and the notifications of the move, in the same transaction. */
  record: (tx: Db, move: AppliedMove<Row, S, C>) => Promise<void>;
};

/**
 * One move of a table-driven workflow on a stored record, in one transaction: lock the row, refuse a
 * version other than `version` (409), work out the change (throwing for what it refuses), write the
 * new state, then record it. Anything thrown leaves nothing written. The caller has already checked
 * the move (`requireMove`, `requireFields`) against the row it showed.
 */
export async function applyTransition<Row extends { version: number }, S extends string, C>(
  db: Db,
  version: number | undefined,
  steps: TransitionSteps<Row, S, C>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await steps.lock(tx);
    if (!before) throw steps.notFound();
    requireVersion(before.version, version);
    const from = steps.stateOf(before);
    const change = await steps.change(tx, before);
    const to = steps.stateAfter(from, change);
    const after = await steps.update(tx, before, to, change);
    await steps.record(tx, { before, after, from, to, change });
  });
}
