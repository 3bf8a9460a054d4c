// The workflow of a brief, as one table of moves (shared/workflow.ts): the author's side (who may
// generate the brief's range) submits a draft; the statistics reviewers and the admin review,
// publish, or return it to draft with a reason (briefs.policy.ts says why them).
import { BRIEF_ACTIONS, type BriefAction, type BriefStatus } from '../../../shared/contracts/briefs.js';
import { workflowOf, type WorkflowMove } from '../../../shared/workflow.js';

export type BriefParty = 'author' | 'reviewer';

export const BRIEF_MOVES: readonly WorkflowMove<BriefAction, BriefStatus, BriefParty, 'reason'>[] = [
  { action: 'submit', from: ['draft'], to: 'submitted', parties: ['author'], requires: [] },
  { action: 'review', from: ['submitted'], to: 'reviewed', parties: ['reviewer'], requires: [] },
  { action: 'publish', from: ['reviewed'], to: 'published', parties: ['reviewer'], requires: [] },
  { action: 'return', from: ['submitted', 'reviewed'], to: 'draft', parties: ['reviewer'], requires: ['reason'] },
];

export const briefWorkflow = workflowOf(BRIEF_ACTIONS, BRIEF_MOVES);
