// Writing planned months with their revisions and combined marks, in the caller's transaction.
import type { Db } from '../../db/client.js';
import type { FigureSource } from '../../../shared/contracts/figures.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import type { PlannedWrite } from './figures.changes.js';
import { deleteYtdFacts, selectFirmsWithYtdFacts, upsertYtdFacts, YTD_MEASURES, type YtdFact } from './figures.derived.queries.js';
import {
  createMonthStage,
  insertMonthsWithRevisions,
  insertStagedMonths,
  mergeStagedMonths,
  updateCombinedMarks,
  updateMonthsWithRevisions,
  type MonthUpdate,
  type MonthWrite,
} from './figures.queries.js';
import { reopenRevisedReviewItems } from '../warnings/dispositions.service.js';

/** The fields a review item (unit slip, swing) is about: a change to either reopens a settled item. */
const REVIEWED_FIELDS = ['grossOutput', 'prevYearGrossOutput'] as const;

/**
 * Writes planned months with their revisions and marks. New months must still be absent and changed
 * months still at the version read when the writes were planned; otherwise someone changed them in
 * between, and the whole transaction fails with a conflict rather than overwrite that change.
 */
export async function applyWrites(tx: Db, actor: Actor, writes: readonly PlannedWrite[], source: FigureSource): Promise<void> {
  const { creates, updates } = monthWrites(writes);
  const by = writtenBy(actor, source);
  const written = (await insertMonthsWithRevisions(tx, creates, by)) + (await updateMonthsWithRevisions(tx, updates, by));
  if (written !== writes.length) throw conflict();
  await applyWriteEffects(tx, actor, writes);
}

const writtenBy = (actor: Actor, source: FigureSource) => ({ source, userId: actor.system ? null : actor.id, userName: actor.username });
const conflict = () => new AppError('conflict', { messageKey: 'figures.error.concurrentChange' });

function monthWrites(writes: readonly PlannedWrite[]): { creates: MonthWrite[]; updates: MonthUpdate[] } {
  const creates: MonthWrite[] = [];
  const updates: MonthUpdate[] = [];
  for (const w of writes) {
    if (w.before) updates.push({ uscc: w.uscc, period: w.period, values: w.after, before: w.before, version: w.before.version });
    else creates.push({ uscc: w.uscc, period: w.period, values: w.after });
  }
  return { creates, updates };
}

/**
 * The writes of a large import, in the caller's transaction, as applyWrites does them but with the
 * months loaded step by step into a temporary table and written by one statement at the end: `stage`
 * loads a step's months and applies what follows from them (累计 facts, marks, review items), `merge`
 * writes every staged month with its revision and fails with a conflict as applyWrites does.
 */
export async function stagedWrites(tx: Db, actor: Actor, source: FigureSource) {
  await createMonthStage(tx);
  let staged = 0;
  return {
    stage: async (writes: readonly PlannedWrite[]) => {
      const { creates, updates } = monthWrites(writes);
      await insertStagedMonths(tx, creates, updates);
      staged += writes.length;
      await applyWriteEffects(tx, actor, writes);
    },
    merge: async () => {
      if ((await mergeStagedMonths(tx, writtenBy(actor, source))) !== staged) throw conflict();
    },
  };
}

/**
 * What follows from written months: a value derived from a reported 本年累计 keeps that 累计 as a
 * fact, a value now reported or entered as 当月 drops the month's fact for that measure; combined
 * marks set or removed; settled review items of revised months reopened.
 */
async function applyWriteEffects(tx: Db, actor: Actor, writes: readonly PlannedWrite[]): Promise<void> {
  const keep: YtdFact[] = [];
  const drop: Omit<YtdFact, 'ytdValue'>[] = [];
  const withFacts = await selectFirmsWithYtdFacts(tx, [...new Set(writes.map((w) => w.uscc))]);
  for (const w of writes) {
    for (const { field, measure } of YTD_MEASURES) {
      const ytd = w.ytd[field];
      if (ytd !== undefined) keep.push({ uscc: w.uscc, period: w.period, measure, ytdValue: ytd });
      else if (w.changed.includes(field) && withFacts.has(w.uscc)) drop.push({ uscc: w.uscc, period: w.period, measure });
    }
  }
  await upsertYtdFacts(tx, keep);
  await deleteYtdFacts(tx, drop);
  await updateCombinedMarks(
    tx,
    writes.filter((w) => w.markChange === 'add'),
    writes.filter((w) => w.markChange === 'remove'),
  );
  await reopenRevisedItems(tx, actor, writes);
}

/**
 * A 已核实属实 or 已更正 review item settles the figure that was confirmed or corrected. When that
 * firm-month's output (or its 上年同期) changes afterwards, the item goes back to 未处理 with the note
 * 数据已修订 (its history kept, one audit row each), so the month is not published on a
 * confirmation of a figure that is no longer there. The note is stored in Chinese, the language of
 * the record (like every note staff write).
 */
async function reopenRevisedItems(tx: Db, actor: Actor, writes: readonly PlannedWrite[]): Promise<void> {
  const revised = writes.filter((w) => w.before !== null && w.changed.some((f) => REVIEWED_FIELDS.some((r) => r === f)));
  await reopenRevisedReviewItems(tx, actor, revised);
}
