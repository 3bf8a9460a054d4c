// Who may generate, read, review and publish a brief (产业链运行月报).
//
// - Generating: the city brief by the city-wide data staff — the administrator and the statistics
//   reviewers (统计审核员, city-wide 市领导 accounts); a chain's brief also by its 链长 and 链办; a
//   county's brief also by its 县市区 account. A plain 市领导 reads briefs but does not write them.
//   Nobody generates outside their scope, so no figure outside it enters a brief.
// - Reviewing, publishing and returning: the statistics reviewers and the administrator, the same
//   people who publish the month (canMovePeriod): a brief releases statements about published
//   statistics, so whoever releases the statistics vouches for what is said about them, and a chain
//   office never approves its own brief.
// - Reading: a published brief by everyone whose scope covers its range (the city brief: city-wide
//   roles); a brief in progress only by those who may generate or review it.
// - 初步 briefs (from an unpublished month) only by data staff (admin, 链办, 统计审核员), never published.
import type { BriefKind, BriefStatus } from '../../../shared/contracts/briefs.js';
import { canReadAll, isInScope } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { canMovePeriod, isDataStaff } from '../periods/periods.policy.js';

export type BriefRange = { kind: BriefKind; chainCode: string | null; regionCode: string | null };

/** Whether the brief's range lies inside the actor's data scope. */
export function isRangeInScope(actor: Actor, range: BriefRange): boolean {
  if (canReadAll(actor)) return true;
  if (range.kind === 'chain' && range.chainCode !== null) return isInScope(actor, 'chain', range.chainCode);
  if (range.kind === 'region' && range.regionCode !== null) return isInScope(actor, 'region', range.regionCode);
  return false;
}

/** Generating (and submitting, editing) a brief of this range (rules above). */
export function canGenerateBrief(actor: Actor, range: BriefRange): boolean {
  if (actor.role === 'admin' || canReviewBriefs(actor)) return true;
  if (range.kind === 'chain') return (actor.role === 'chain_chief' || actor.role === 'chain_office') && isRangeInScope(actor, range);
  if (range.kind === 'region') return actor.role === 'county' && isRangeInScope(actor, range);
  return false;
}

/** Reviewing, publishing and returning briefs: the statistics reviewers and the admin (rules above). */
export function canReviewBriefs(actor: Actor): boolean {
  return canMovePeriod(actor);
}

/** A 初步 brief from an unpublished month: data staff only. */
export function canGeneratePreliminary(actor: Actor): boolean {
  return isDataStaff(actor);
}

/** Reading a brief: published ones within scope; others by those who work on them. */
export function canViewBrief(actor: Actor, range: BriefRange, status: BriefStatus, preliminary: boolean): boolean {
  if (!isRangeInScope(actor, range)) return false;
  const works = canGenerateBrief(actor, range) || canReviewBriefs(actor);
  if (preliminary) return works && isDataStaff(actor);
  return status === 'published' || works;
}
