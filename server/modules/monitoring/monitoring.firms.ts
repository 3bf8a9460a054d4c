// What other modules (the chain workspace) read of monitoring: each chain firm's YTD output and
// comparable base for a month, from PUBLISHED figures only — the frozen figures of the month's latest
// snapshot, never the live ones, whoever asks (a gap or health answer is a published statistic).
import type { PeriodStatus } from '../../../shared/publication/workflow.js';
import { previousCalendarPeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { latestPublishedPeriod, latestSnapshotOf } from '../periods/periods.snapshots.js';
import { createStatisticCache } from './monitoring.cache.js';
import { selectChainFirmFigures, type FirmFiguresRow } from './monitoring.firms.queries.js';
import { notPublishedError, publishingPeriodOf, statusOf } from './monitoring.publication.js';
import { monthRangeOf } from './monitoring.service.js';
import type { FiguresView } from './monitoring.sql.js';

export type { FirmFiguresRow };

/** The published month an answer reads: its snapshot (null before the first publication) and status. */
export type PublishedMonth = {
  period: string;
  status: PeriodStatus;
  snapshotId: number | null;
  publishedAt: string | null;
  view: FiguresView;
};

/**
 * The month to read: `requested`, or the latest published month (before the first publication, the
 * previous calendar month, read as empty). A requested month that was never published is refused
 * (403 naming the latest published month), for data staff too: these answers never show live figures.
 */
export async function resolvePublishedMonth(db: Db, requested: string | undefined): Promise<PublishedMonth> {
  const period = requested ?? (await latestPublishedPeriod(db)) ?? previousCalendarPeriod();
  const [snapshot, status] = [await latestSnapshotOf(db, publishingPeriodOf(period)), await statusOf(db, period)];
  if (snapshot !== null) {
    return {
      period,
      status,
      snapshotId: snapshot.id,
      publishedAt: snapshot.publishedAt,
      view: { kind: 'frozen', version: snapshot.figuresVersion },
    };
  }
  if (requested !== undefined) throw await notPublishedError(db, period);
  return { period, status, snapshotId: null, publishedAt: null, view: { kind: 'frozen', version: 0 } };
}

const figuresCache = createStatisticCache<FirmFiguresRow[]>();

/**
 * Each firm of the chains (规上 名录 of the month's year) with its published YTD output and comparable
 * base. Kept per month, snapshot and chains until the data token changes (monitoring.cache.ts).
 */
export function publishedChainFirmFigures(db: Db, month: PublishedMonth, chainCodes: readonly string[]): Promise<FirmFiguresRow[]> {
  const key = JSON.stringify([month.period, month.view, [...chainCodes].sort()]);
  return figuresCache(db, key, () =>
    selectChainFirmFigures(db, { range: monthRangeOf(month.period, 'ytd'), chainCodes, view: month.view }),
  );
}
