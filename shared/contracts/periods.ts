// 数据审核与发布: the contract of month statuses, coverage, review items and publication.
import { z } from 'zod';
import { yearParam } from './common.js';
import {
  CORRECTION_SOURCES,
  DISPOSITION_STATUSES,
  PERIOD_ACTIONS,
  PERIOD_STATUSES,
  REVIEW_KINDS,
  WARNING_KINDS,
} from '../publication/workflow.js';
import { statisticalPeriodSchema } from './identifiers.js';
import { firmRowFields } from './enterprises.js';

export const periodStatus = z.enum(PERIOD_STATUSES);

/** A month 'YYYY-MM' in a path (whether it may be published is the service's question). */
export const periodParam = z.object({
  period: statisticalPeriodSchema({ notFuture: false }),
});

export const periodsQuery = z.object({ year: yearParam.optional() });

/** Firms expected (规上 that year, on a chain, in the viewer's scope) and those that reported gross output for the month. */
export const coverage = z.object({ expected: z.number().int(), reported: z.number().int() });

export const periodItem = z.object({
  period: z.string(),
  status: periodStatus,
  /** The latest publication, ISO 8601; null when never published. */
  publishedAt: z.string().nullable(),
  coverage,
  /** Rows of the month written after its latest publication (发布后有 N 处修订); data staff only, else null. */
  revisionsSincePublished: z.number().int().nullable(),
});
export type PeriodItem = z.infer<typeof periodItem>;

export const periodsResponse = z
  .object({
    year: z.number().int(),
    /** The latest published month (what views open on), or null. */
    latestPublished: z.string().nullable(),
    items: z.array(periodItem),
  })
  .meta({ id: 'Periods' });
export type PeriodsResponse = z.infer<typeof periodsResponse>;

/**
 * Added to every monitoring answer. `status` of the month; `preliminary` when the figures are not a
 * publication (初步数据, data staff only); `coverage` of the month in the viewer's scope; `heldBack`:
 * the firms and gross output (元) left out of the figures because a review item on them is open.
 */
export const publicationBlock = z.object({
  status: periodStatus,
  publishedAt: z.string().nullable(),
  preliminary: z.boolean(),
  snapshotId: z.number().int().nullable(),
  coverage,
  heldBack: z.object({ enterprises: z.number().int(), output: z.number().int() }),
  revisionsSincePublished: z.number().int().nullable(),
});
export type PublicationBlock = z.infer<typeof publicationBlock>;

export const reopenRequest = z.object({
  reason: z.string().trim().min(2, 'give the reason for reopening (at least 2 characters)').max(500),
});
export type ReopenRequest = z.infer<typeof reopenRequest>;

/** The coverage of one chain, county or park. */
export const coverageRow = z.object({ code: z.string(), name: z.string(), ...coverage.shape });

export const reviewKind = z.enum(REVIEW_KINDS);
export const dispositionStatus = z.enum(DISPOSITION_STATUSES);
export const correctionSource = z.enum(CORRECTION_SOURCES);

/** What a disposition says besides its status: the reason or what was assigned, a correction's source and its reference. */
const dispositionDetail = {
  note: z.string().nullable(),
  correctionSource: correctionSource.nullable(),
  reference: z.string().nullable(),
};
/** Who set the disposition last (display name; null for the system) and when. */
const dispositionStamp = { updatedBy: z.string().nullable(), updatedAt: z.string() };
/** Who made a move (display name) and when. */
const actorStamp = { actorName: z.string(), at: z.string() };

/** A review item: a suspect of the month and how it stands. */
export const reviewItem = z.object({
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  chainCodes: z.array(z.string()),
  kind: reviewKind,
  status: dispositionStatus,
  open: z.boolean(),
  /** The firm's gross output of the month now (元). */
  grossOutput: z.number().int().nullable(),
  /** What the check found (the warning's figures). */
  detail: z.unknown(),
  /** Whether the figure was revised after the item was found (a correction must be). */
  revisedSinceDetected: z.boolean(),
  ...dispositionDetail,
  ...dispositionStamp,
});
export type ReviewItem = z.infer<typeof reviewItem>;

export const snapshotItem = z.object({
  id: z.number().int(),
  period: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  coverage,
  figuresVersion: z.number().int(),
});

export const periodEvent = z.object({
  id: z.number().int(),
  action: z.enum(PERIOD_ACTIONS),
  from: periodStatus,
  to: periodStatus,
  reason: z.string().nullable(),
  ...actorStamp,
});

export const periodDetailResponse = z
  .object({
    period: z.string(),
    status: periodStatus,
    /** The reporting deadline of the month (YYYY-MM-DD, Beijing; the 预警 setting reportDeadlineDay) and whether it has passed. */
    dueDate: z.string(),
    deadlinePassed: z.boolean(),
    coverage,
    byChain: z.array(coverageRow),
    byRegion: z.array(coverageRow),
    byPark: z.array(coverageRow),
    reviewItems: z.array(reviewItem),
    openReviewItems: z.number().int(),
    snapshots: z.array(snapshotItem),
    events: z.array(periodEvent),
    revisionsSincePublished: z.number().int().nullable(),
    /** The moves the caller may make now. */
    actions: z.array(z.enum(PERIOD_ACTIONS)),
    asOf: z.string(),
  })
  .meta({ id: 'PeriodDetail' });
export type PeriodDetailResponse = z.infer<typeof periodDetailResponse>;

export const missingFirm = z.object({ ...firmRowFields, regionName: z.string() });
export const missingFirmsResponse = z
  .object({ period: z.string(), dueDate: z.string(), items: z.array(missingFirm), total: z.number().int() })
  .meta({ id: 'MissingFirms' });
export type MissingFirmsResponse = z.infer<typeof missingFirmsResponse>;

export const periodMoveResponse = z
  .object({ period: z.string(), status: periodStatus, snapshotId: z.number().int().nullable() })
  .meta({ id: 'PeriodMove' });
export type PeriodMoveResponse = z.infer<typeof periodMoveResponse>;

/** Which 预警 a disposition is of: the month, the firm and the kind of warning. */
const warningKey = z.object({
  period: periodParam.shape.period,
  uscc: z.string().length(18),
  kind: z.enum(WARNING_KINDS),
});

/**
 * Sets the disposition of one 预警: `confirmed` (已核实属实) needs the reason in `note`; `corrected`
 * (已更正) needs `correctionSource` (the enterprise's corrected report or its written confirmation)
 * and, for a review item, a revision of the figure entered after the item was found; `assigned`
 * (已交办) needs `note` (to whom, what).
 */
export const putDispositionRequest = warningKey
  .extend({
    status: dispositionStatus,
    note: z.string().trim().max(500).optional(),
    correctionSource: correctionSource.optional(),
    reference: z.string().trim().max(200).optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.status === 'confirmed' || b.status === 'assigned') && (b.note === undefined || b.note.length < 2)) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: b.status === 'confirmed' ? 'give the reason the figure is true' : 'say to whom and what was assigned',
      });
    }
    if (b.status === 'corrected' && b.correctionSource === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['correctionSource'],
        message: "the correction's source: enterprise_corrected_report or enterprise_written_confirmation",
      });
    }
  });
export type PutDispositionRequest = z.infer<typeof putDispositionRequest>;

export const disposition = z.object({ status: dispositionStatus, ...dispositionDetail, ...dispositionStamp });
export type Disposition = z.infer<typeof disposition>;

export const dispositionHistoryQuery = warningKey;
export const dispositionHistoryResponse = z
  .object({
    current: disposition.nullable(),
    items: z.array(
      z.object({
        id: z.number().int(),
        status: dispositionStatus,
        ...dispositionDetail,
        ...actorStamp,
      }),
    ),
  })
  .meta({ id: 'DispositionHistory' });
export type DispositionHistoryResponse = z.infer<typeof dispositionHistoryResponse>;
