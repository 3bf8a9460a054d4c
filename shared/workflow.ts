/**
 * A workflow held in one table of moves, which the server enforces and the web reads to offer
 * actions (shared/tickets/workflow.ts, shared/supervision/workflow.ts): each move names the action,
 * the states it may start from, the state after (`null` keeps it), the parties who may make it and
 * the body fields it needs.
 */
export type WorkflowMove<A extends string, S extends string, P extends string, F extends string> = {
  action: A;
  from: readonly S[];
  /** The state after; `null` keeps it (a request, an answer, a note). */
  to: S | null;
  parties: readonly P[];
  requires: readonly F[];
};

/**
 * 延期, the same in every workflow: the party doing the work asks for a later deadline (the date it
 * asks for in `requestedField`, and a reason); the party overseeing it approves, or refuses with a
 * reason. None of the three moves changes the state.
 */
export const EXTENSION_ACTIONS = ['request_extension', 'approve_extension', 'refuse_extension'] as const;

/** The three 延期 moves of a workflow, allowed from `from`: `asker` asks, `approver` decides. */
export function extensionMoves<S extends string, P extends string, F extends string>(
  from: readonly S[],
  asker: P,
  approver: P,
  requestedField: F,
) {
  return [
    { action: 'request_extension', from, to: null, parties: [asker], requires: [requestedField, 'reason'] },
    { action: 'approve_extension', from, to: null, parties: [approver], requires: [] },
    { action: 'refuse_extension', from, to: null, parties: [approver], requires: ['reason'] },
  ] as const;
}

/** The questions every workflow answers from its table. */
export type Workflow<A extends string, S extends string, P extends string, F extends string> = {
  transitionOf: (action: A, from: S) => WorkflowMove<A, S, P, F> | null;
  mayAct: (action: A, from: S, parties: readonly P[]) => boolean;
  actionsFor: (state: S, parties: readonly P[]) => A[];
  stateAfter: (action: A, from: S) => S;
};

/** The answers of one workflow's table; `actions` gives the order the web offers them in. */
export function workflowOf<A extends string, S extends string, P extends string, F extends string>(
  actions: readonly A[],
  moves: readonly WorkflowMove<A, S, P, F>[],
): Workflow<A, S, P, F> {
  /** The move `action` makes from `from`, or null when the table does not hold it. */
  const transitionOf = (action: A, from: S): WorkflowMove<A, S, P, F> | null =>
    moves.find((move) => move.action === action && move.from.includes(from)) ?? null;
  /** Whether any of `parties` may make `action` from `from`. */
  const mayAct = (action: A, from: S, parties: readonly P[]): boolean => {
    const move = transitionOf(action, from);
    return move !== null && move.parties.some((party) => parties.includes(party));
  };
  return {
    transitionOf,
    mayAct,
    /** The actions these parties may take in `state` (the web offers exactly these). */
    actionsFor: (state: S, parties: readonly P[]): A[] => actions.filter((action) => mayAct(action, state, parties)),
    /** The state after an action (unchanged for a move the table does not hold). */
    stateAfter: (action: A, from: S): S => transitionOf(action, from)?.to ?? from,
  };
}
