/**
 * Dispositions of 预警: how each warning of a firm-month was dealt with — 未处理, 已核实属实 (confirmed
 * as true, with the reason), 已更正 (corrected, with the correction's source), 已交办 (assigned, still
 * open) — with the full history. Data staff set them (a 链办 for firms of its chains); everyone who
 * sees the warning sees its disposition. For a review item (unit slip, swing) 已更正 needs the
 * figure revised after the item was found: staff may not change a firm's figures on their own, so
 * the correction is the enterprise's corrected report or written confirmation entered as a revision,
 * and this records which.
 */
import type { Disposition, DispositionHistoryResponse, PutDispositionRequest } from '../../../shared/contracts/periods.js';
import { REVIEW_KINDS } from '../../../shared/publication/workflow.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { isFirmInScope, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { firmFactsOf } from '../figures/figures.stored.js';
import { canViewMonitoring } from '../monitoring/monitoring.policy.js';
import { canDisposeWarnings } from '../periods/periods.policy.js';
import {
  reopenSettledItems,
  selectDisposition,
  selectDispositionEvents,
  selectFigureVersion,
  upsertDisposition,
  selectReviewItems,
  type DispositionRow,
  type ReviewItemRow,
} from './dispositions.queries.js';
import { translate } from '../../../shared/i18n/index.js';

async function requireFirmInScope(db: Db, actor: Actor, uscc: string): Promise<void> {
  const firm = await firmFactsOf(db, uscc);
  if (!firm) throw new AppError('not_found', { messageKey: 'figures.error.notFound', params: { uscc } });
  if (!isFirmInScope(actor, firm)) throw new AppError('not_found', { messageKey: 'figures.error.notFound', params: { uscc } });
}

/** `GET /api/warnings/disposition`: one warning's disposition and its history. */
export async function getDispositionHistory(
  db: Db,
  actor: Actor,
  key: { period: string; uscc: string; kind: string },
): Promise<DispositionHistoryResponse> {
  requireAccess(canViewMonitoring(actor));
  await requireFirmInScope(db, actor, key.uscc);
  const [current, events] = await Promise.all([selectDisposition(db, key), selectDispositionEvents(db, key)]);
  return { current: current === null ? null : presentDisposition(current), items: events };
}

/** A disposition as the API answers it: its status, how it was settled, by whom and when. */
export function presentDisposition(row: DispositionRow): Disposition {
  return {
    status: row.status,
    note: row.note,
    correctionSource: row.correctionSource,
    reference: row.reference,
    updatedBy: row.updatedByName,
    updatedAt: row.updatedAt,
  };
}

/** `PUT /api/warnings/disposition`: sets a warning's disposition (rules above), audited, and answers with its history. */
export async function setDisposition(db: Db, actor: Actor, input: PutDispositionRequest): Promise<DispositionHistoryResponse> {
  requireAccess(canDisposeWarnings(actor));
  await requireFirmInScope(db, actor, input.uscc);
  const key = { period: input.period, uscc: input.uscc, kind: input.kind };
  const before = await selectDisposition(db, key);
  if (input.status === 'corrected' && REVIEW_KINDS.some((k) => k === input.kind) && before !== null) {
    const version = await selectFigureVersion(db, input.uscc, input.period);
    if (version === null || before.detectedVersion === null || version <= before.detectedVersion) {
      throw new AppError('conflict', {
        messageKey: 'dispositions.error.notCorrected',
        params: { period: input.period },
        details: { detectedVersion: before.detectedVersion, currentVersion: version },
      });
    }
  }
  const row = {
    ...key,
    status: input.status,
    note: input.note ?? null,
    correctionSource: input.status === 'corrected' ? (input.correctionSource ?? null) : null,
    reference: input.reference ?? null,
    actorId: actor.system ? null : actor.id,
    actorName: actor.displayName,
  };
  await db.transaction(async (tx) => {
    await upsertDisposition(tx, row);
    await recordAudit(tx, actor, {
      action: 'set_disposition',
      entity: 'warning_disposition',
      entityId: `${input.period}:${input.uscc}:${input.kind}`,
      before:
        before === null
          ? null
          : { status: before.status, note: before.note, correctionSource: before.correctionSource, reference: before.reference },
      after: { status: row.status, note: row.note, correctionSource: row.correctionSource, reference: row.reference },
    });
  });
  return getDispositionHistory(db, actor, key);
}

/**
 * A settled review item (已核实属实 / 已更正) of a firm-month whose output was revised goes back to
 * 未处理 with the note 数据已修订, one audit row each; called by the figures' one write path inside
 * its transaction.
 */
export async function reopenRevisedReviewItems(
  tx: Db,
  actor: Actor,
  firmMonths: readonly { uscc: string; period: string }[],
): Promise<void> {
  const note = translate('zh-CN', 'dispositions.reopenedRevised');
  const reopened = await reopenSettledItems(tx, firmMonths, {
    note,
    actorId: actor.system ? null : actor.id,
    actorName: actor.displayName,
  });
  for (const item of reopened) {
    await recordAudit(tx, actor, {
      action: 'reopen_disposition',
      entity: 'warning_disposition',
      entityId: `${item.period}:${item.uscc}:${item.kind}`,
      before: { status: item.status, note: item.note, correctionSource: item.correctionSource, reference: item.reference },
      after: { status: 'pending', note },
    });
  }
}

export type { ReviewItemRow };

/** The review items of a month (dispositions of the review kinds) with their firms, open ones first. */
export function reviewItemsOf(db: Db, period: string): Promise<ReviewItemRow[]> {
  return selectReviewItems(db, period);
}
