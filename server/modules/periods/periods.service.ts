/**
 * 数据审核与发布: month statuses (shared/publication/workflow.ts), coverage, review items and
 * publication. One transaction per move: the status, its history row and the audit row; a
 * publication also stores its snapshot (the figures version it released and its coverage) and then
 * the engine's city-wide answers for the month (monitoring.service storeSnapshotAnswers).
 *
 * Rules: only a finished month (before the current Beijing month) with figures may be reviewed or
 * published; January is published with February (1–2月), so moving February moves January too and
 * January cannot be moved alone; publishing first looks for suspects again and is refused (409,
 * listing them) while any review item is open; reopening needs a reason.
 */
import type {
  MissingFirmsResponse,
  PeriodDetailResponse,
  PeriodMoveResponse,
  PeriodsResponse,
  ReviewItem,
} from '../../../shared/contracts/periods.js';
import {
  actionsFrom,
  isOpenDisposition,
  transitionOf,
  type PeriodAction,
  type PeriodStatus,
  type ReviewKind,
} from '../../../shared/publication/workflow.js';
import { currentPeriod, parsePeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { canViewMonitoring, monitoringFilterOf } from '../monitoring/monitoring.policy.js';
import { publishingPeriodOf, statusOf } from '../monitoring/monitoring.publication.js';
import { storeSnapshotAnswers } from '../monitoring/monitoring.service.js';
import { NO_FILTER, RAW_FIGURES, type FirmFilter } from '../monitoring/monitoring.sql.js';
import { presentDisposition, reviewItemsOf, type ReviewItemRow } from '../warnings/dispositions.service.js';
import { detectReviewItems } from '../warnings/warnings.review.js';
import { cityDate } from '../../../shared/stats/period.js';
import { dueDateOf } from '../warnings/warnings.service.js';
import { readWarningSettings } from '../warnings/warnings.settings.js';
import { canMovePeriod, isDataStaff } from './periods.policy.js';
import {
  countRevisionsSince,
  hasFigures,
  insertPeriodEvent,
  insertSnapshot,
  lockFiguresVersion,
  selectChainCodesOfYear,
  selectCoverage,
  selectCoverageByMonth,
  selectLatestPublishedPeriod,
  selectMissingFirms,
  selectPeriodEvents,
  selectPeriodStatuses,
  selectSnapshots,
  upsertPeriodStatus,
  type CoverageRow,
} from './periods.queries.js';

export type PeriodOptions = { now?: () => Date };

/** `GET /api/periods`: each month of a year (up to the current one) with its status, coverage in the caller's scope and publication. */
export async function listPeriods(db: Db, actor: Actor, query: { year?: number }, options: PeriodOptions = {}): Promise<PeriodsResponse> {
  requireAccess(canViewMonitoring(actor));
  const current = currentPeriod((options.now ?? (() => new Date()))());
  const year = query.year ?? parsePeriod(current).year;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter((p) => p <= current);
  const filter = monitoringFilterOf(actor);
  const staff = isDataStaff(actor);
  const [statuses, snapshots, coverage, latestPublished] = await Promise.all([
    selectPeriodStatuses(db, `${year}-01`, `${year}-12`),
    selectSnapshots(db, `${year}-01`, `${year}-12`),
    months.length === 0
      ? Promise.resolve(new Map<string, { expected: number; reported: number }>())
      : selectCoverageByMonth(db, { year, months, filter }),
    selectLatestPublishedPeriod(db),
  ]);
  const items = [];
  for (const period of months) {
    const snapshot = snapshots.find((s) => s.period === publishingPeriodOf(period)) ?? null;
    items.push({
      period,
      status: statuses.get(publishingPeriodOf(period)) ?? 'collecting',
      publishedAt: snapshot?.publishedAt ?? null,
      coverage: coverage.get(period) ?? { expected: 0, reported: 0 },
      revisionsSincePublished: staff && snapshot !== null ? await countRevisionsSince(db, period, snapshot.figuresVersion) : null,
    });
  }
  return { year, latestPublished, items };
}

function presentCoverage(rows: CoverageRow[]) {
  return rows.map((r) => ({ code: r.code ?? '', name: r.name ?? r.code ?? '', expected: r.expected, reported: r.reported }));
}

function presentReviewItem(row: ReviewItemRow, currentVersion: (row: ReviewItemRow) => boolean): ReviewItem {
  return {
    uscc: row.uscc,
    name: row.name,
    regionCode: row.regionCode,
    chainCodes: row.chainCodes,
    kind: row.kind === 'unit_slip' ? 'unit_slip' : 'output_drop',
    open: isOpenDisposition(row.status),
    grossOutput: row.grossOutput,
    detail: row.detail,
    revisedSinceDetected: currentVersion(row),
    ...presentDisposition(row),
  };
}

/** The review items of a month, within a chain office's chains; each says whether its figure was revised since found. */
async function reviewItemsFor(db: Db, period: string, filter: FirmFilter): Promise<ReviewItem[]> {
  const rows = (await reviewItemsOf(db, period)).filter(
    (r) => filter.chainCodes === null || r.chainCodes.some((c) => filter.chainCodes?.includes(c)),
  );
  return rows.map((r) =>
    presentReviewItem(r, (row) => row.revisedVersion !== null && row.detectedVersion !== null && row.revisedVersion > row.detectedVersion),
  );
}

function requireStaff(actor: Actor): void {
  if (!isDataStaff(actor)) throw new AppError('forbidden', { messageKey: 'periods.error.notStaff' });
}

/** `GET /api/periods/{period}`: the month for data staff — status, deadline, coverage by chain/county/park, review items, snapshots, history. */
export async function getPeriodDetail(db: Db, actor: Actor, period: string, options: PeriodOptions = {}): Promise<PeriodDetailResponse> {
  requireStaff(actor);
  const now = (options.now ?? (() => new Date()))();
  const filter = monitoringFilterOf(actor);
  const settings = await readWarningSettings(db);
  const dueDate = dueDateOf(period, settings.reportDeadlineDay);
  const status = await statusOf(db, period);
  const coverage = async (by: 'chain' | 'region' | 'park' | null) => selectCoverage(db, { period, filter, view: RAW_FIGURES, by });
  const [total, byChain, byRegion, byPark] = [
    await coverage(null),
    await coverage('chain'),
    await coverage('region'),
    await coverage('park'),
  ];
  const publishing = publishingPeriodOf(period);
  const snapshots = await selectSnapshots(db, publishing, publishing);
  const latest = snapshots[0] ?? null;
  const reviewItems = (await reviewItemsFor(db, period, filter)).concat(
    period.endsWith('-02') ? await reviewItemsFor(db, `${period.slice(0, 4)}-01`, filter) : [],
  );
  const events = await selectPeriodEvents(db, publishing);
  return {
    period,
    status,
    dueDate,
    deadlinePassed: cityDate(now) > dueDate,
    coverage: { expected: total[0]?.expected ?? 0, reported: total[0]?.reported ?? 0 },
    byChain: presentCoverage(byChain),
    byRegion: presentCoverage(byRegion),
    byPark: presentCoverage(byPark),
    reviewItems,
    openReviewItems: reviewItems.filter((i) => i.open).length,
    snapshots: snapshots.map((s) => ({
      id: s.id,
      period: s.period,
      publishedAt: s.publishedAt,
      publishedBy: s.publishedByName,
      coverage: { expected: s.expected, reported: s.reported },
      figuresVersion: s.figuresVersion,
    })),
    // Only the workflow's transitions write period_events (its action column is also checked by a constraint).
    events: events.map((e) => ({ ...e, action: e.action as PeriodAction, from: e.from as PeriodStatus, to: e.to as PeriodStatus })),
    revisionsSincePublished: latest === null ? null : await countRevisionsSince(db, period, latest.figuresVersion),
    actions: canMovePeriod(actor) && !period.endsWith('-01') ? actionsFrom(status) : [],
    asOf: now.toISOString(),
  };
}

/** `GET /api/periods/{period}/missing`: the firms expected for the month (caller's scope) that have not reported. */
export async function listMissingFirms(db: Db, actor: Actor, period: string): Promise<MissingFirmsResponse> {
  requireStaff(actor);
  const settings = await readWarningSettings(db);
  const items = await selectMissingFirms(db, { period, filter: monitoringFilterOf(actor) });
  return { period, dueDate: dueDateOf(period, settings.reportDeadlineDay), items, total: items.length };
}

/** The months a move of `period` covers: February brings January (1–2月). */
function monthsMoved(period: string): string[] {
  return period.endsWith('-02') ? [`${period.slice(0, 4)}-01`, period] : [period];
}

async function checkMovable(
  db: Db,
  actor: Actor,
  period: string,
  action: PeriodAction,
  now: Date,
): Promise<{ from: PeriodStatus; to: PeriodStatus }> {
  if (!canMovePeriod(actor)) throw new AppError('forbidden', { messageKey: 'periods.error.notReviewer' });
  if (period.endsWith('-01')) {
    throw new AppError('validation_failed', {
      messageKey: 'periods.error.january',
      params: { february: `${period.slice(0, 4)}-02` },
      details: [{ path: 'params.period', message: 'January moves with February' }],
    });
  }
  if (period >= currentPeriod(now)) {
    throw new AppError('validation_failed', {
      messageKey: 'periods.error.future',
      params: { period },
      details: [{ path: 'params.period', message: 'must be a finished month' }],
    });
  }
  const from = await statusOf(db, period);
  const transition = transitionOf(action, from);
  if (transition === null)
    throw new AppError('conflict', {
      messageKey: 'periods.error.transition',
      params: { period, status: from },
      details: { status: from, action },
    });
  if ((action === 'publish' || action === 'start_review') && !(await hasFigures(db, period))) {
    throw new AppError('validation_failed', {
      messageKey: 'periods.error.noData',
      params: { period },
      details: [{ path: 'params.period', message: 'no figures for this month' }],
    });
  }
  return { from, to: transition.to };
}

/** Writes a move: the status of each month moved, the history row, the audit row (inside the caller's transaction). */
async function writeMove(
  tx: Db,
  actor: Actor,
  period: string,
  action: PeriodAction,
  move: { from: PeriodStatus; to: PeriodStatus },
  reason: string | null,
  extra: Record<string, unknown> = {},
): Promise<void> {
  for (const month of monthsMoved(period)) await upsertPeriodStatus(tx, month, move.to);
  await insertPeriodEvent(tx, {
    period,
    action,
    from: move.from,
    to: move.to,
    reason,
    actorId: actor.system ? null : actor.id,
    actorName: actor.displayName,
  });
  await recordAudit(tx, actor, {
    action: `period_${action}`,
    entity: 'period',
    entityId: period,
    before: { status: move.from },
    after: { status: move.to, reason, ...extra },
  });
}

/** 采集中 → 审核中 (and back): finds the month's suspects when review starts. */
export async function moveToReview(
  db: Db,
  actor: Actor,
  period: string,
  back = false,
  options: PeriodOptions = {},
): Promise<PeriodMoveResponse> {
  const action = back ? 'back_to_collecting' : 'start_review';
  const move = await checkMovable(db, actor, period, action, (options.now ?? (() => new Date()))());
  if (!back) for (const month of monthsMoved(period)) await detectReviewItems(db, month);
  await db.transaction((tx) => writeMove(tx, actor, period, action, move, null));
  return { period, status: move.to, snapshotId: null };
}

export type PublishOptions = PeriodOptions & {
  /**
   * Loading history that was already published elsewhere (the demo's past months): no review check,
   * and the snapshot's stored answers are made on first read instead of now. System actor only.
   */
  history?: boolean;
};

/** Publishes a month (or republishes a reopened one): refused with 409 while review items are open. */
export async function publishPeriod(db: Db, actor: Actor, period: string, options: PublishOptions = {}): Promise<PeriodMoveResponse> {
  const history = options.history === true && actor.system === true;
  const move = await checkMovable(db, actor, period, 'publish', (options.now ?? (() => new Date()))());
  if (!history) {
    for (const month of monthsMoved(period)) await detectReviewItems(db, month);
    const open = (await Promise.all(monthsMoved(period).map((m) => reviewItemsOf(db, m))))
      .flat()
      .filter((i) => isOpenDisposition(i.status));
    if (open.length > 0) {
      throw new AppError('conflict', {
        messageKey: 'periods.error.openItems',
        params: { period, count: open.length },
        details: {
          // Review items are made only from the review kinds (shared/publication), so `kind` is one of them.
          openItems: open.map((i) => ({ period: i.period, uscc: i.uscc, name: i.name, kind: i.kind as ReviewKind, status: i.status })),
        },
      });
    }
  }
  const snapshot = await db.transaction(async (tx) => {
    const figuresVersion = await lockFiguresVersion(tx);
    const [covered] = await selectCoverage(tx, { period, filter: NO_FILTER, view: RAW_FIGURES, by: null });
    const created = await insertSnapshot(tx, {
      period,
      figuresVersion,
      publishedBy: actor.system ? null : actor.id,
      publishedByName: actor.displayName,
      expected: covered?.expected ?? 0,
      reported: covered?.reported ?? 0,
    });
    await writeMove(tx, actor, period, 'publish', move, null, { snapshotId: created.id, figuresVersion });
    return created;
  });
  if (!history) await storeSnapshotAnswers(db, snapshot, monthsMoved(period), await selectChainCodesOfYear(db, parsePeriod(period).year));
  return { period, status: 'published', snapshotId: snapshot.id };
}

/**
 * Loads months already published elsewhere (the demo's past, or a city's history at go-live) in one
 * transaction: each collecting month with figures gets a snapshot of the figures as they stand (one
 * version for all), status 已发布, a history row; one audit row for the whole load. No review check;
 * the stored answers are made on first read. System actor only.
 */
export async function publishHistoryMonths(db: Db, actor: Actor, periods: readonly string[], options: PeriodOptions = {}): Promise<number> {
  requireAccess(actor.system === true);
  const now = (options.now ?? (() => new Date()))();
  const wanted = periods.filter((p) => !p.endsWith('-01') && p < currentPeriod(now));
  return db.transaction(async (tx) => {
    const figuresVersion = await lockFiguresVersion(tx);
    let published = 0;
    for (const year of [...new Set(wanted.map((p) => parsePeriod(p).year))]) {
      const months = wanted.filter((p) => parsePeriod(p).year === year);
      const [coverage, statuses] = await Promise.all([
        selectCoverageByMonth(tx, { year, months, filter: NO_FILTER }),
        selectPeriodStatuses(tx, `${year}-01`, `${year}-12`),
      ]);
      for (const period of months) {
        const covered = coverage.get(period);
        if ((statuses.get(period) ?? 'collecting') !== 'collecting' || covered === undefined || covered.reported === 0) continue;
        await insertSnapshot(tx, {
          period,
          figuresVersion,
          publishedBy: null,
          publishedByName: actor.displayName,
          expected: covered.expected,
          reported: covered.reported,
        });
        for (const month of monthsMoved(period)) await upsertPeriodStatus(tx, month, 'published');
        await insertPeriodEvent(tx, {
          period,
          action: 'publish',
          from: 'collecting',
          to: 'published',
          reason: null,
          actorId: null,
          actorName: actor.displayName,
        });
        published += 1;
      }
    }
    await recordAudit(tx, actor, {
      action: 'period_publish_history',
      entity: 'period',
      after: { periods: wanted, published, figuresVersion },
    });
    return published;
  });
}

/** Reopens a published month for revision (reason required); its snapshot stays what was published until republished. */
export async function reopenPeriod(
  db: Db,
  actor: Actor,
  period: string,
  reason: string,
  options: PeriodOptions = {},
): Promise<PeriodMoveResponse> {
  const move = await checkMovable(db, actor, period, 'reopen', (options.now ?? (() => new Date()))());
  await db.transaction((tx) => writeMove(tx, actor, period, 'reopen', move, reason));
  return { period, status: move.to, snapshotId: null };
}

/** After figures of some months were written: looks again for suspects in those of them under review. */
export async function recheckMonthsInReview(db: Db, periods: readonly string[]): Promise<void> {
  for (const period of [...new Set(periods)]) {
    if ((await statusOf(db, period)) === 'review') await detectReviewItems(db, period);
  }
}
