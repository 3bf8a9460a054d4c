// Reading a firm's monthly figures with their revisions, and entering or correcting one month by
// hand (staff) or as the enterprise's own report. Hand entries pass the same checks as imports.
import {
  FIGURE_FIELDS,
  figureValues,
  type EnterpriseFigures,
  type FigureField,
  type FigureValues,
  type ListRevisionsResponse,
  type MonthlyFigureItem,
  type PutFigureBody,
  type PutFigureRequest,
  putFigureRequest,
  type RederiveResponse,
  type StaleDerivedItem,
  type StaleDerivedResponse,
} from '../../../shared/contracts/figures.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { planWrites, warnAboutWrites, type PlannedWrite } from './figures.changes.js';
import { errorIssue, warningIssue, type IssueDraft } from './figures.issues.js';
import { canViewFirmFigures, canWriteFirmFigures, entrySourceOf } from './figures.policy.js';
import {
  selectFigureYears,
  selectFirmFacts,
  selectMonthsOfYear,
  selectRevisions,
  type FirmFacts,
  type YearRow,
} from './figures.queries.js';
import { loadStored } from './figures.stored.js';
import type { MonthSet, ValueSource } from './import/import.derive.js';
import { visibleFirmMonthsOf } from '../monitoring/monitoring.publication.js';
import { recheckMonthsInReview } from '../periods/periods.service.js';
import { applyWrites } from './figures.writes.js';
import { listStaleDerived, rederiveFirm, staleDerivedOf } from './figures.derived.js';
import { parseAmount, UNIT_MULTIPLIER } from './import/import.values.js';
import { currentPeriod, FIRST_PERIOD } from '../../../shared/stats/period.js';
import { pushAll } from '../../../shared/arrays.js';

/**
 * The firm, or 404 when it does not exist or the actor may not see it: both answer exactly alike,
 * so nobody learns which codes are registered outside their scope.
 */
async function requireFirm(db: Db, actor: Actor, uscc: string): Promise<FirmFacts> {
  const [firm] = await selectFirmFacts(db, [uscc]);
  if (!firm || !canViewFirmFigures(actor, firm))
    throw new AppError('not_found', { messageKey: 'figures.error.notFound', params: { uscc } });
  return firm;
}

function presentMonth(row: YearRow): MonthlyFigureItem {
  const values: FigureValues = figureValues.parse(Object.fromEntries(FIGURE_FIELDS.map((f) => [f, row[f]])));
  return {
    ...values,
    period: row.period,
    source: row.source,
    updatedAt: row.updatedAt,
    revisionCount: row.revisionCount,
    janFebCombined: row.janFebCombined,
  };
}

/** A firm's stored months of one year (default: its latest year with data, else this year), with revision counts. */
export async function getEnterpriseFigures(
  db: Db,
  actor: Actor,
  uscc: string,
  year: number | undefined,
  now = new Date(),
): Promise<EnterpriseFigures> {
  const firm = await requireFirm(db, actor, uscc);
  const years = await selectFigureYears(db, uscc);
  const chosen = year ?? years[0] ?? Number(currentPeriod(now).slice(0, 4));
  // Other roles than data staff see a firm's months once published (monitoring.publication.ts).
  const visible = await visibleFirmMonthsOf(db, actor, chosen);
  const rows = (await selectMonthsOfYear(db, uscc, chosen)).filter((r) => visible === null || visible.has(r.period));
  const staleDerived = await staleDerivedOf(db, [uscc]);
  return {
    uscc,
    name: firm.name,
    year: chosen,
    years,
    canEdit: canWriteFirmFigures(actor, firm),
    items: rows.map(presentMonth),
    staleDerived,
  };
}

/** `GET /api/figures/:uscc/derived`: the firm's derived months that a revision made stale. */
export async function getStaleDerived(db: Db, actor: Actor, uscc: string): Promise<StaleDerivedResponse> {
  const firm = await requireFirm(db, actor, uscc);
  return { uscc, items: await listStaleDerived(db, actor, firm) };
}

/** `POST /api/figures/:uscc/rederive`: re-derives the firm's stale derived months (see figures.derived.ts). */
export async function rederiveFigures(db: Db, actor: Actor, uscc: string): Promise<RederiveResponse> {
  const firm = await requireFirm(db, actor, uscc);
  return rederiveFirm(db, actor, firm);
}

/** Every write of one enterprise-month, newest first, with the fields it changed. */
export async function listRevisions(db: Db, actor: Actor, uscc: string, period: string): Promise<ListRevisionsResponse> {
  await requireFirm(db, actor, uscc);
  const rows = await selectRevisions(db, uscc, period);
  return {
    uscc,
    period,
    items: rows.map((r) => {
      const before = r.oldValues === null ? null : figureValues.parse(r.oldValues);
      const after = figureValues.parse(r.newValues);
      return {
        id: r.id,
        changedAt: r.changedAt,
        changedBy: r.changedByName,
        source: r.source === 'import' || r.source === 'manual' || r.source === 'enterprise' ? r.source : 'demo',
        before,
        after,
        changedFields: FIGURE_FIELDS.filter((f) => after[f] !== (before ? before[f] : null)),
      };
    }),
  };
}

export type PutOutcome =
  | { outcome: 'invalid'; errors: IssueDraft[] }
  | {
      outcome: 'created' | 'updated' | 'unchanged' | 'confirmation_required';
      warnings: IssueDraft[];
      figure: MonthlyFigureItem | null;
      staleDerived: StaleDerivedItem[];
    };

/** Reads the form's values exactly (money in the chosen unit), reporting each bad field by its key. */
function readEntry(input: PutFigureBody): { set: Pick<MonthSet, 'values' | 'sources'>; errors: IssueDraft[] } {
  const values: Partial<Record<FigureField, number>> = {};
  const sources: Partial<Record<FigureField, ValueSource>> = {};
  const errors: IssueDraft[] = [];
  for (const field of FIGURE_FIELDS) {
    const raw = input.values[field];
    if (raw === null || raw === undefined) continue;
    const multiplier = field === 'electricityKwh' || field === 'employees' ? 1n : UNIT_MULTIPLIER[input.unit];
    const text = typeof raw === 'number' ? String(raw) : raw;
    const amount = parseAmount(text, multiplier, {
      allowNegative: field === 'profit' || field === 'prevYearProfit',
      whole: field === 'employees',
    });
    if (amount.kind === 'empty') continue;
    if (amount.kind === 'invalid') {
      errors.push(
        errorIssue({ row: null, column: field, value: amount.text }, amount.problem, {
          params: { value: amount.text },
          fieldParams: { measure: field },
        }),
      );
      continue;
    }
    values[field] = amount.value;
    sources[field] = { column: field, text: amount.text, multiplier };
  }
  return { set: { values, sources }, errors };
}

/**
 * Enters or corrects one enterprise-month: the body is the whole month (a field left empty is not
 * reported). Checks: the period is not in the future; amounts are numbers, not negative (利润总额
 * may be), 从业人员 whole; January of a year stored as combined 1–2月 cannot be entered on its own.
 * "1–2月合计" on February stores the combined figure there and sets January to 0 for the same
 * measures. Warnings (unit slip, 上年同期 disagreeing with the stored prior year, profit above revenue,
 * the month not over yet) need `acceptWarnings`. Each written month keeps a revision and an audit
 * entry; the enterprise role's entries are recorded as its own report (source 'enterprise').
 */
export async function putFigure(
  db: Db,
  actor: Actor,
  uscc: string,
  period: string,
  body: PutFigureRequest,
  now = new Date(),
): Promise<PutOutcome> {
  const firm = await requireFirm(db, actor, uscc);
  requireAccess(canWriteFirmFigures(actor, firm));
  const input = putFigureRequest.parse(body);
  const month = Number(period.slice(5, 7));
  const year = Number(period.slice(0, 4));
  const periodAt = { row: null, column: 'period', value: period };
  const current = currentPeriod(now);
  const { set, errors } = readEntry(input);
  if (period > current) errors.push(errorIssue(periodAt, 'periodFuture', { params: { period } }));
  if (period < FIRST_PERIOD) errors.push(errorIssue(periodAt, 'periodTooEarly', { params: { period, first: FIRST_PERIOD } }));
  if (input.janFebCombined && month !== 2) errors.push(errorIssue(periodAt, 'combinedNotFebruary'));
  const { stored, marks } = await loadStored(db, [uscc], `${year - 1}-01`, `${year}-12`);
  if (month === 1 && marks.has(`${uscc}|${year}-02`)) errors.push(errorIssue(periodAt, 'janCombined', { params: { year } }));
  if (errors.length > 0) return { outcome: 'invalid', errors };

  const main = planWrites([{ uscc, period, row: null, ...set, combined: month === 2 ? input.janFebCombined : null }], stored, marks, {
    replace: true,
  });
  const writes: PlannedWrite[] = [...main.writes];
  if (input.janFebCombined) {
    const january: Partial<Record<FigureField, number>> = {};
    for (const field of FIGURE_FIELDS) if (field !== 'employees' && set.values[field] !== undefined) january[field] = 0;
    pushAll(
      writes,
      planWrites([{ uscc, period: `${year}-01`, row: null, values: january, sources: {}, combined: null }], stored, marks, {
        replace: false,
      }).writes,
    );
  }
  const figureAfter = async () =>
    (await selectMonthsOfYear(db, uscc, year)).filter((r) => r.period === period).map(presentMonth)[0] ?? null;
  if (writes.length === 0)
    return { outcome: 'unchanged', warnings: [], figure: await figureAfter(), staleDerived: await staleDerivedOf(db, [uscc]) };

  const warnings = await warnAboutWrites(db, writes, stored, (field) => field);
  if (period === current) warnings.push(warningIssue(periodAt, 'currentPeriod', { params: { period } }));
  if (warnings.length > 0 && !input.acceptWarnings) return { outcome: 'confirmation_required', warnings, figure: null, staleDerived: [] };

  await db.transaction(async (tx) => {
    await applyWrites(tx, actor, writes, entrySourceOf(actor));
    for (const write of writes) {
      await recordAudit(tx, actor, {
        action: write.before ? 'update' : 'create',
        entity: 'monthly_figure',
        entityId: `${write.uscc}:${write.period}`,
        before: write.before
          ? { ...pickValues(write.before), janFebCombined: write.markChange === null ? write.combinedAfter : write.markChange === 'remove' }
          : null,
        after: { ...write.after, janFebCombined: write.combinedAfter },
      });
    }
  });
  await recheckMonthsInReview(
    db,
    writes.map((w) => w.period),
  );
  const created = main.writes[0] !== undefined && main.writes[0].before === null;
  return {
    outcome: created ? 'created' : 'updated',
    warnings,
    figure: await figureAfter(),
    staleDerived: await staleDerivedOf(db, [uscc]),
  };
}

function pickValues(month: FigureValues): FigureValues {
  return figureValues.parse(Object.fromEntries(FIGURE_FIELDS.map((f) => [f, month[f]])));
}
