// Who may do what with a month's publication (see shared/publication/workflow.ts).
import type { Actor } from '../access/actor.js';

/**
 * Data staff (数据人员) work with figures before they are published: the admin, the chain offices
 * (链办, who collect their chains' reports) and the statistics reviewers (统计审核员). They may open
 * an unpublished month (初步数据); every other role sees published months only.
 */
export function isDataStaff(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'chain_office' || actor.statsReviewer;
}

/** Moving a month (to review, publishing, reopening) is city-wide: the admin and the statistics reviewers. */
export function canMovePeriod(actor: Actor): boolean {
  return actor.role === 'admin' || (actor.statsReviewer && actor.role === 'leader');
}

/** Setting a 预警's disposition: data staff, a chain office within its chains (checked by the service). */
export function canDisposeWarnings(actor: Actor): boolean {
  return isDataStaff(actor);
}

/** Route policy of the reviewer's actions (the flag is checked by the service). */
export const PERIOD_MOVE_ROLES = ['admin', 'leader'] as const;

/** Route policy of data-staff reads and dispositions (the reviewer flag is checked by the service for leaders). */
export const DATA_STAFF_ROLES = ['admin', 'leader', 'chain_office'] as const;
