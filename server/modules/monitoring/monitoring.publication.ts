/**
 * Which figures a monitoring answer reads, and the publication block every answer carries.
 *
 * - Without an explicit period every view opens on the latest published month (for data staff
 *   with nothing published yet: the latest month with figures).
 * - A published month is read from its latest snapshot: the figures as they stood at publication
 *   (frozen inputs, so a county or chain user's answer is computed from exactly what was
 *   published, within its scope), and for city-wide callers the engine's answers stored with the
 *   snapshot. January is published with February (1–2月) and read through February's snapshot.
 * - Data staff (admin, 链办, 统计审核员) may open a month that is not published, or a published month
 *   reopened for review: the live figures, marked preliminary (初步数据), with firm-months under an
 *   open review item held back. Everyone else asking for an unpublished month is refused (403)
 *   with the latest published month named; with nothing published yet they see an empty month.
 */
import type { PublicationBlock } from '../../../shared/contracts/periods.js';
import type { PeriodStatus } from '../../../shared/publication/workflow.js';
import { previousCalendarPeriod, rangeMonths, type MonitoringRange } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import {
  coverageOf,
  heldBackOf,
  latestPublishedPeriod,
  latestSnapshotOf,
  periodStatuses,
  revisionsSince,
  snapshotsBetween,
  type SnapshotRow,
} from '../periods/periods.snapshots.js';
import { isDataStaff } from '../periods/periods.policy.js';
import { createStatisticCache, tokenOf } from './monitoring.cache.js';
import { hasFiguresInScope, selectLatestPeriod } from './monitoring.queries.js';
import { RAW_FIGURES, type FiguresView, type FirmFilter } from './monitoring.sql.js';

export type ResolvedPeriod = { period: string; view: FiguresView; snapshot: SnapshotRow | null; status: PeriodStatus; staff: boolean };

/** The month whose snapshot publishes a period: January is published with February (1–2月). */
export function publishingPeriodOf(period: string): string {
  return period.endsWith('-01') ? `${period.slice(0, 4)}-02` : period;
}

const latestCache = createStatisticCache<string | null>();

/** The month a view opens on for the actor (rules above). */
export async function defaultPeriodFor(db: Db, actor: Actor, filter: FirmFilter): Promise<string> {
  const published = await latestPublishedPeriod(db);
  if (published !== null) return published;
  if (!isDataStaff(actor)) return previousCalendarPeriod();
  return (await latestCache(db, JSON.stringify(filter), () => selectLatestPeriod(db, filter))) ?? previousCalendarPeriod();
}

/** The status of a month (collecting without a row); January follows February. */
export async function statusOf(db: Db, period: string): Promise<PeriodStatus> {
  const key = publishingPeriodOf(period);
  return (await periodStatuses(db, key, key)).get(key) ?? 'collecting';
}

/** The refusal of a month that was never published (403), naming the latest published month. */
export async function notPublishedError(db: Db, period: string): Promise<AppError> {
  const latest = await latestPublishedPeriod(db);
  return new AppError('forbidden', {
    messageKey: latest === null ? 'periods.error.nothingPublished' : 'periods.error.notPublished',
    params: { period, latest: latest ?? '' },
    details: { period, latestPublished: latest },
  });
}

/** Resolves the period a request asks for (or the default) to the figures the actor may read. */
export async function resolvePeriod(db: Db, actor: Actor, requested: string | undefined, filter: FirmFilter): Promise<ResolvedPeriod> {
  const staff = isDataStaff(actor);
  const period = requested ?? (await defaultPeriodFor(db, actor, filter));
  const [snapshot, status] = await Promise.all([latestSnapshotOf(db, publishingPeriodOf(period)), statusOf(db, period)]);
  if (snapshot !== null && (status === 'published' || !staff)) {
    return { period, view: { kind: 'frozen', version: snapshot.figuresVersion }, snapshot, status, staff };
  }
  if (staff) return { period, view: { kind: 'live', holdBack: true }, snapshot, status, staff };
  if (requested !== undefined) throw await notPublishedError(db, period);
  // Nothing published yet: an empty month (the figures as of version 0).
  return { period, view: { kind: 'frozen', version: 0 }, snapshot: null, status, staff };
}

/**
 * The months of `year` whose figures of single firms (a firm's page, its months) the actor may see:
 * for a user who is not data staff, the months published (January with February); null for data
 * staff and for an enterprise account, which sees its own reports as it made them.
 */
export async function visibleFirmMonthsOf(db: Db, actor: Actor, year: number): Promise<Set<string> | null> {
  if (isDataStaff(actor) || actor.role === 'enterprise') return null;
  const months = new Set((await snapshotsBetween(db, `${year}-01`, `${year}-12`)).map((s) => s.period));
  if (months.has(`${year}-02`)) months.add(`${year}-01`);
  return months;
}

const blockCache = createStatisticCache<PublicationBlock>();

/** The publication block of an answer over `filter` for the resolved period and range. */
export async function publicationBlockOf(
  db: Db,
  resolved: ResolvedPeriod,
  filter: FirmFilter,
  range: MonitoringRange,
): Promise<PublicationBlock> {
  const key = JSON.stringify([resolved.period, resolved.view, resolved.snapshot?.id ?? null, resolved.staff, filter, range]);
  // Data staff see the revisions since publication (live figures): their block follows every write.
  const token = resolved.staff && resolved.snapshot !== null ? 'stats' : tokenOf(resolved.view);
  return blockCache(
    db,
    key,
    async () => {
      const months = rangeMonths(resolved.period, range);
      // January is read as 1–2月, so its coverage is February's (the month that publishes the pair).
      // A firm whose figure is held back as suspect did report: it counts as reported (heldBack says it was left out).
      const coverageView: FiguresView = resolved.view.kind === 'live' ? RAW_FIGURES : resolved.view;
      const [covered] = await coverageOf(db, { period: publishingPeriodOf(resolved.period), filter, view: coverageView, by: null });
      const heldBack =
        resolved.view.kind === 'live' && resolved.view.holdBack
          ? await heldBackOf(db, { year: Number(resolved.period.slice(0, 4)), from: months.from, to: months.to, filter })
          : { enterprises: 0, output: 0 };
      const snapshot = resolved.snapshot;
      return {
        status: resolved.status,
        publishedAt: snapshot?.publishedAt ?? null,
        preliminary: resolved.view.kind === 'live',
        snapshotId: resolved.view.kind === 'frozen' ? (snapshot?.id ?? null) : null,
        coverage: { expected: covered?.expected ?? 0, reported: covered?.reported ?? 0 },
        heldBack,
        revisionsSincePublished:
          resolved.staff && snapshot !== null ? await revisionsSince(db, snapshot.period, snapshot.figuresVersion) : null,
      };
    },
    token,
  );
}

/** Whether a firm in scope for `period` (its year's 名录 and chain list, the filter) reported gross output for it. */
export function hasReportedFigures(db: Db, filter: FirmFilter, period: string): Promise<boolean> {
  return hasFiguresInScope(db, filter, period);
}
