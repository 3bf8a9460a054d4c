// For the workflow tables' tests (shared/*/workflow.test.ts): every action × state × party checked
// against a hand-written list, so a changed table row shows up as a named move.
import type { Workflow } from './workflow.js';

/** What the hand-written list says of one action by one party from one state: the state after, 'stay', or null (refused). */
export type ExpectedMove<S extends string> = S | 'stay' | null;

/** A hand-written move: the action, the states it starts from (separated by spaces), the party, the state after or 'stay'. */
export type WrittenMove<A extends string, S extends string, P extends string> = readonly [A, string, P, S | 'stay'];

/** A hand-written move of a workflow's own actions, states and parties (`WrittenMoveOf<typeof taskWorkflow>`). */
export type WrittenMoveOf<W> = W extends Workflow<infer A, infer S, infer P, string> ? WrittenMove<A, S, P> : never;

/** The expected move of each (action, state, party) read from a hand-written list; anything not listed is refused (null). */
function expectedFrom<A extends string, S extends string, P extends string>(
  moves: readonly WrittenMove<A, S, P>[],
): (action: A, state: S, party: P) => ExpectedMove<S> {
  return (action, state, party) => {
    for (const [a, from, p, to] of moves) if (a === action && p === party && from.split(' ').includes(state)) return to;
    return null;
  };
}

/**
 * Walks every combination: `mayAct` must allow exactly the hand-written `moves` (anything not listed
 * is refused) and `stateAfter` lead where they say. Answers each disagreement in words and how many
 * combinations were allowed and refused.
 */
export function checkWorkflowTable<A extends string, S extends string, P extends string>(table: {
  actions: readonly A[];
  states: readonly S[];
  parties: readonly P[];
  moves: readonly WrittenMove<A, S, P>[];
  mayAct: (action: A, state: S, parties: readonly P[]) => boolean;
  stateAfter: (action: A, state: S) => S;
}): { wrong: string[]; allowed: number; refused: number } {
  const wrong: string[] = [];
  let allowed = 0;
  let refused = 0;
  const expected = expectedFrom(table.moves);
  for (const action of table.actions) {
    for (const state of table.states) {
      for (const party of table.parties) {
        const want = expected(action, state, party);
        const got = table.mayAct(action, state, [party]);
        if (got !== (want !== null)) wrong.push(`${action} from ${state} by ${party}: ${got ? 'allowed' : 'refused'}`);
        if (want === null) {
          refused += 1;
          continue;
        }
        allowed += 1;
        const after = table.stateAfter(action, state);
        if (after !== (want === 'stay' ? state : want)) wrong.push(`${action} from ${state} leads to ${after}`);
      }
    }
  }
  return { wrong, allowed, refused };
}
