// Monthly figures of an enterprise: what it reported for one month (当月), how staff import a file of
// them, correct one month by hand, and what an enterprise reports for itself. Money is integer 元.
import { z } from 'zod';
import { errorResponse, importOutcomeFields, importTallyFields, yearParam } from './common.js';
import { monthSchema, usccSchema } from './identifiers.js';

/** The 当月 measures in 元: 工业总产值, 营业收入, 利润总额, 税金总额. */
const MONTH_MONEY_FIELDS = ['grossOutput', 'revenue', 'profit', 'taxes'] as const;
/** 当月 measures: the money ones (元), 用电量 (kWh), 从业人员 (persons). */
export const MONTH_FIELDS = [...MONTH_MONEY_FIELDS, 'electricityKwh', 'employees'] as const;
/** 上年同期: the firm's comparable base for the same month a year earlier, when reported with the month. */
export const PREV_YEAR_FIELDS = ['prevYearGrossOutput', 'prevYearRevenue', 'prevYearProfit', 'prevYearTaxes'] as const;
/** The figures of one enterprise-month, as stored (monthly_figures columns, in camelCase). */
export const FIGURE_FIELDS = [...MONTH_FIELDS, ...PREV_YEAR_FIELDS] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
/** Fields in 元 (the unit option converts them); electricity and employees have their own units. */
export const MONEY_FIELDS = [...MONTH_MONEY_FIELDS, ...PREV_YEAR_FIELDS] as const satisfies readonly FigureField[];

/** Money units a file or form may use; stored values are always 元. */
export const MONEY_UNITS = ['元', '千元', '万元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];
/** The unit a file's or form's money is in: 元 unless it says otherwise. */
const moneyUnit = z.enum(MONEY_UNITS).default('元');

/** Where a stored figure came from (monthly_figures.source). */
export const FIGURE_SOURCES = ['demo', 'import', 'manual', 'enterprise'] as const;
export const figureSourceSchema = z.enum(FIGURE_SOURCES);
/** The demo generator, a file import, staff entry, or the enterprise itself. */
export type FigureSource = z.infer<typeof figureSourceSchema>;

/** A month of stored figures, 'YYYY-MM' (the shape only). */
export const figurePeriod = monthSchema;
const uscc = usccSchema;

const stored = z.number().int().nullable();
export const figureValues = z.object({
  grossOutput: stored,
  revenue: stored,
  profit: stored,
  taxes: stored,
  electricityKwh: stored,
  employees: stored,
  prevYearGrossOutput: stored,
  prevYearRevenue: stored,
  prevYearProfit: stored,
  prevYearTaxes: stored,
});
export type FigureValues = z.infer<typeof figureValues>;

/** One stored month of a firm, with how often it was written (revisions, the first write included). */
export const monthlyFigureItem = figureValues.extend({
  period: figurePeriod,
  source: figureSourceSchema,
  updatedAt: z.string(),
  revisionCount: z.number().int(),
  /** February holding the combined 1–2月 amount (January stored as 0). */
  janFebCombined: z.boolean(),
});
export type MonthlyFigureItem = z.infer<typeof monthlyFigureItem>;

/** A problem in a file row or a form field, in the caller's language. `row` is null for a form. */
export const figureIssue = z.object({
  row: z.number().int().nullable(),
  column: z.string(),
  value: z.string().nullable(),
  code: z.string(),
  reason: z.string(),
});
export type FigureIssue = z.infer<typeof figureIssue>;

const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/** Options of POST /api/figures/import (query string; the file is the multipart body). */
export const importFiguresQuery = z.object({
  /** Check everything and report the counts, write nothing. */
  dryRun: queryFlag,
  /** Write even though there are warnings (the user saw and confirmed them). */
  acceptWarnings: queryFlag,
  /** The period of every row when the file has no period column: 2024-06, 2024年6月, 202406, 2024年1-2月. */
  period: z.string().trim().max(32).optional(),
  /** Unit of money columns whose header names none. */
  unit: moneyUnit,
  /**
   * Answer as NDJSON (application/x-ndjson): progress lines while the server reads, checks and
   * writes, then one result line with the status and body the plain answer would have had.
   */
  progress: queryFlag,
  /** Run as a job (202 with the job; `GET /api/jobs/:id` for its progress and result): any instance may run it. */
  job: queryFlag,
});
export type ImportFiguresQuery = z.infer<typeof importFiguresQuery>;

/** `queued`: waiting for another import to finish (`done` = imports ahead); then reading, checking, writing. */
export const IMPORT_PHASES = ['queued', 'read', 'check', 'write'] as const;
/** How far an import is: rows read so far (no total yet), checking, or months written of all to write. */
export const importProgress = z.object({ phase: z.enum(IMPORT_PHASES), done: z.number().int(), total: z.number().int().nullable() });
export type ImportProgress = z.infer<typeof importProgress>;
/** One line of the NDJSON answer of `progress=true`. */
export const importStreamLine = z.discriminatedUnion('type', [
  importProgress.extend({ type: z.literal('progress') }),
  z.object({ type: z.literal('result'), status: z.number().int(), body: z.unknown() }),
]);
export type ImportStreamLine = z.infer<typeof importStreamLine>;

/**
 * A 当月 derived from a reported 本年累计 that a later revision of an earlier month made stale:
 * 累计 − Σ of the year's earlier months no longer equals it.
 */
export const staleDerivedItem = z.object({
  uscc: z.string(),
  period: figurePeriod,
  field: z.enum(FIGURE_FIELDS),
  /** The reported 本年累计 (kept as a fact). */
  ytd: z.number(),
  /** Σ 当月 of the year's earlier months as stored now. */
  previousMonths: z.number(),
  /** The stored 当月 (derived when the 累计 came in). */
  stored: z.number().nullable(),
  /** What re-deriving stores: ytd − previousMonths. */
  rederived: z.number(),
  /** False when the re-derived 当月 would be negative (only 利润总额 may fall): correct the earlier month instead. */
  canRederive: z.boolean(),
});
export type StaleDerivedItem = z.infer<typeof staleDerivedItem>;

export const staleDerivedResponse = z.object({ uscc: z.string(), items: z.array(staleDerivedItem) });
export type StaleDerivedResponse = z.infer<typeof staleDerivedResponse>;

/** POST /api/figures/:uscc/rederive: the months re-derived (each a revision) and what is still stale. */
export const rederiveResponse = z.object({
  uscc: z.string(),
  rederived: z.array(z.object({ period: figurePeriod, field: z.enum(FIGURE_FIELDS), before: z.number().nullable(), after: z.number() })),
  items: z.array(staleDerivedItem),
});
export type RederiveResponse = z.infer<typeof rederiveResponse>;

export const importReport = z.object({
  ...importOutcomeFields,
  /** Warnings were found and acceptWarnings was not set: nothing written, confirm to go on. */
  confirmationRequired: z.boolean(),
  fileName: z.string().nullable(),
  format: z.enum(['xlsx', 'csv']).nullable(),
  encoding: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  /** Data rows read (blank rows and 合计 rows not counted). */
  rows: z.number().int(),
  periods: z.array(figurePeriod),
  /** The tally counts stored enterprise-months. */
  ...importTallyFields,
  errors: z.array(figureIssue),
  warnings: z.array(figureIssue),
  /** After a write: derived months of the written firms that the write made stale (re-derive on the firm's figures page). */
  staleDerived: z.array(staleDerivedItem),
});
export type ImportReport = z.infer<typeof importReport>;

/** The 400 answer of an import with errors: the report and the usual error envelope. */
export const importRejectedResponse = importReport.extend({ error: errorResponse.shape.error });
export type ImportRejectedResponse = z.infer<typeof importRejectedResponse>;

export const templateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const figuresParams = z.object({ uscc });
export const figurePeriodParams = z.object({ uscc, period: figurePeriod });

export const listFiguresQuery = z.object({ year: yearParam.optional() });

export const enterpriseFigures = z.object({
  uscc: z.string(),
  name: z.string(),
  year: z.number().int(),
  /** Years with stored figures, newest first. */
  years: z.array(z.number().int()),
  /** Whether the caller may enter or correct this firm's figures. */
  canEdit: z.boolean(),
  items: z.array(monthlyFigureItem),
  /** Derived months (any year) that no longer agree with their reported 累计. */
  staleDerived: z.array(staleDerivedItem),
});
export type EnterpriseFigures = z.infer<typeof enterpriseFigures>;

export const figureRevision = z.object({
  id: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string(),
  source: figureSourceSchema,
  /** null: this write created the month. */
  before: figureValues.nullable(),
  after: figureValues,
  changedFields: z.array(z.enum(FIGURE_FIELDS)),
});
export type FigureRevision = z.infer<typeof figureRevision>;

export const listRevisionsResponse = z.object({ uscc: z.string(), period: figurePeriod, items: z.array(figureRevision) });
export type ListRevisionsResponse = z.infer<typeof listRevisionsResponse>;

/** A value as typed: a decimal text ("1,234.5") or a number; empty or null = not reported. */
const enteredValue = z
  .union([z.string().max(40), z.number()])
  .nullable()
  .optional();

/**
 * PUT /api/figures/:uscc/:period: the whole month as the user entered it (a field left out or null is
 * not reported). Money in `unit`; electricity in kWh; employees in persons.
 */
export const putFigureRequest = z.object({
  unit: moneyUnit,
  values: z.object({
    grossOutput: enteredValue,
    revenue: enteredValue,
    profit: enteredValue,
    taxes: enteredValue,
    electricityKwh: enteredValue,
    employees: enteredValue,
    prevYearGrossOutput: enteredValue,
    prevYearRevenue: enteredValue,
    prevYearProfit: enteredValue,
    prevYearTaxes: enteredValue,
  }),
  /** February only: the values are the combined 1–2月 amount (January is then stored as 0). */
  janFebCombined: z.boolean().default(false),
  acceptWarnings: z.boolean().default(false),
});
export type PutFigureRequest = z.input<typeof putFigureRequest>;
/** The request after defaults are applied. */
export type PutFigureBody = z.output<typeof putFigureRequest>;

export const putFigureResponse = z.object({
  outcome: z.enum(['created', 'updated', 'unchanged', 'confirmation_required']),
  warnings: z.array(figureIssue),
  figure: monthlyFigureItem.nullable(),
  /** Derived months of the firm this revision made stale (or that were stale already). */
  staleDerived: z.array(staleDerivedItem),
});
export type PutFigureResponse = z.infer<typeof putFigureResponse>;
