// Who may read, import and enter monthly figures.
//
// Reading a firm's months: admin, leader and 后盾单位 departments every firm; 链长/链办 firms with a
// membership in their chains; 园区 firms in their parks; 县市区 firms in their regions; an enterprise
// account only itself.
//
// Importing files: the admin (statistics staff work under it: every firm) and 链办, the chain office
// that does the chain's daily work (only firms of its chains; any row of another firm is an error, so
// a file is never half imported). 链长 are city leaders and read only; parks and counties read.
//
// Entering or correcting one month by hand: the admin, 统计审核员 (every firm: the enterprise's corrected
// report when settling a review item) and 链办 within the same scope, and an
// enterprise account for its own USCC only (its monthly self-report). Everyone else reads.
import type { Role } from '../../../shared/roles.js';
import { canAdminister, isFirmInScope } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import type { FigureSource } from '../../../shared/contracts/figures.js';
import type { FirmFacts } from './figures.queries.js';

export const IMPORT_ROLES = ['admin', 'chain_office'] as const satisfies readonly Role[];
/** Route policy of hand entry; a leader passes only with 统计审核员 (canWriteFirmFigures). */
export const ENTRY_ROLES = ['admin', 'chain_office', 'enterprise', 'leader'] as const satisfies readonly Role[];

export function canImportFigures(actor: Actor): boolean {
  return IMPORT_ROLES.some((role) => role === actor.role);
}

/** A firm's months are readable wherever the firm is (see isFirmInScope). */
export function canViewFirmFigures(actor: Actor, firm: FirmFacts): boolean {
  return isFirmInScope(actor, firm);
}

/** Whether the actor may write this firm's figures (import or hand entry). */
export function canWriteFirmFigures(actor: Actor, firm: FirmFacts): boolean {
  // 统计审核员 enter an enterprise's corrected report (or its written confirmation) when settling a review item.
  if (canAdminister(actor) || actor.statsReviewer) return true;
  if (actor.role !== 'chain_office' && actor.role !== 'enterprise') return false;
  return canViewFirmFigures(actor, firm);
}

/** What a hand entry is recorded as: the enterprise's own report, or staff entry. */
export function entrySourceOf(actor: Actor): FigureSource {
  return actor.role === 'enterprise' ? 'enterprise' : 'manual';
}
