// Who may do what with a month's publication (see shared/publication/workflow.ts).
import { isDataStaffUser } from '../../../shared/publication/workflow.js';
import type { Actor } from '../access/actor.js';

/** Data staff may open unpublished months (shared/publication/workflow.ts isDataStaffUser). */
export function isDataStaff(actor: Actor): boolean {
  return isDataStaffUser(actor);
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
