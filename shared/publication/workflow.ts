/**
 * The publication workflow of a statistical month (数据审核与发布), city-wide: 采集中 (collecting) →
 * 审核中 (review) → 已发布 (published); a published month is reopened (back to review, with a reason)
 * and republished. Who may move a month: the admin and the statistics reviewers (统计审核员, a flag
 * the admin grants to a city-wide 市领导 account). The server refuses what this table does not hold;
 * the web offers only what it holds.
 */
export const PERIOD_STATUSES = ['collecting', 'review', 'published'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_ACTIONS = ['start_review', 'back_to_collecting', 'publish', 'reopen'] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

/**
 * Every allowed move. Publishing may start from 采集中 too: it runs the same review check (every
 * suspect settled) before it writes anything. Reopening needs a reason.
 */
export const PERIOD_TRANSITIONS = [
  { action: 'start_review', from: 'collecting', to: 'review', reasonRequired: false },
  { action: 'back_to_collecting', from: 'review', to: 'collecting', reasonRequired: false },
  { action: 'publish', from: 'collecting', to: 'published', reasonRequired: false },
  { action: 'publish', from: 'review', to: 'published', reasonRequired: false },
  { action: 'reopen', from: 'published', to: 'review', reasonRequired: true },
] as const satisfies readonly { action: PeriodAction; from: PeriodStatus; to: PeriodStatus; reasonRequired: boolean }[];

/**
 * Data staff (数据人员) work with figures before they are published: the admin, the chain offices
 * (链办, who collect their chains' reports) and the statistics reviewers (统计审核员). They may open a
 * month that is not published (初步数据); every other role sees published months only.
 */
export function isDataStaffUser(user: { role: string; statsReviewer: boolean }): boolean {
  return user.role === 'admin' || user.role === 'chain_office' || user.statsReviewer;
}

/** The move an action makes from a status, or null when the table does not allow it. */
export function transitionOf(action: PeriodAction, from: PeriodStatus): (typeof PERIOD_TRANSITIONS)[number] | null {
  return PERIOD_TRANSITIONS.find((t) => t.action === action && t.from === from) ?? null;
}

/** The actions a status offers. */
export function actionsFrom(from: PeriodStatus): PeriodAction[] {
  return PERIOD_TRANSITIONS.filter((t) => t.from === from).map((t) => t.action);
}

/**
 * The disposition of a 预警 (warning) of one firm-month: 未处理 (pending), 已核实属实 (confirmed as
 * true, with the reason), 已更正 (corrected, with the correction's source), 已交办 (assigned to
 * someone to follow up; still open). Under the online direct-reporting rules staff may not change
 * a firm's figures on their own: a correction is the enterprise's corrected report or its written
 * confirmation of the right figure, entered as a revision, and its source is recorded here.
 */
export const DISPOSITION_STATUSES = ['pending', 'confirmed', 'corrected', 'assigned'] as const;
export type DispositionStatus = (typeof DISPOSITION_STATUSES)[number];

/** Dispositions that settle a review item (the month may then be published). */
export const SETTLED_DISPOSITIONS = ['confirmed', 'corrected'] as const satisfies readonly DispositionStatus[];

/** Where a correction came from. */
export const CORRECTION_SOURCES = ['enterprise_corrected_report', 'enterprise_written_confirmation'] as const;
export type CorrectionSource = (typeof CORRECTION_SOURCES)[number];

/**
 * The warning kinds that are review items: a suspected unit slip and a swing above the thresholds
 * (output down ≥ the drop threshold N months running). Until settled the firm's figure of that
 * month is held back from every total, and the month cannot be published.
 */
/** The 预警 kinds (explained in `shared/contracts/warnings.ts`). */
export const WARNING_KINDS = ['output_drop', 'not_reported', 'below_scale', 'unit_slip'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const REVIEW_KINDS = ['unit_slip', 'output_drop'] as const satisfies readonly WarningKind[];
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** Whether a disposition leaves a review item open. */
export function isOpenDisposition(status: DispositionStatus): boolean {
  return status === 'pending' || status === 'assigned';
}
