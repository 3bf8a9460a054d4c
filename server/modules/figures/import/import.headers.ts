// Recognising the columns of a monthly-figures file from their header text. Statistical forms name
// the same column many ways: 工业总产值(当月,千元), 工业总产值（万元）, 本年累计工业总产值, 上年同期
// 营业收入(元), 用电量(万千瓦时)… A header is a measure name plus qualifiers (in brackets, after a "/",
// or as a prefix/suffix word) that give its basis (当月 or 累计), whether it is 上年同期, and its unit.
import { normalizeHeaderText } from '../../../lib/spreadsheet/header.js';
import { MONTH_FIELDS, type FigureField } from '../../../../shared/contracts/figures.js';
import { pushAll } from '../../../../shared/arrays.js';

/** 当月 (the month alone) or 累计 (year to date, 1–N月). */
export type Basis = 'month' | 'ytd';

/** The measures a file's columns may hold: those of a month (上年同期 is a qualifier of the first four). */
const MEASURES = MONTH_FIELDS;
type Measure = (typeof MEASURES)[number];
type UnitKind = 'money' | 'energy' | 'persons';

export type ValueColumn = {
  kind: 'value';
  field: FigureField;
  /** null: the header does not say (当月 unless the period reads 1–N月). Employees are always 'month'. */
  basis: Basis | null;
  /** Multiplier to the stored unit (元, kWh, persons); null: not in the header, the import's unit option applies. */
  multiplier: bigint | null;
};
export type ColumnSpec = { kind: 'uscc' } | { kind: 'name' } | { kind: 'period' } | ValueColumn;

const MEASURE_ALIASES: Record<Measure, readonly string[]> = {
  grossOutput: ['工业总产值', '总产值', '工业产值', '产值'],
  revenue: ['营业收入', '主营业务收入', '营收', '销售收入'],
  profit: ['利润总额', '利润'],
  taxes: ['税金总额', '税金', '税收总额', '税收', '应交税金', '纳税额'],
  electricityKwh: ['用电量', '工业用电量', '电量', '用电'],
  employees: ['从业人员', '从业人员数', '从业人数', '从业人员平均人数', '平均从业人员', '职工人数', '用工人数'],
};
const USCC_ALIASES = ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码', 'uscc'];
const NAME_ALIASES = ['企业名称', '单位名称', '单位详细名称', '企业', '名称'];
const PERIOD_ALIASES = [
  '期别',
  '统计期别',
  '报告期',
  '报告期别',
  '统计期',
  '期间',
  '月份',
  '统计月份',
  '年月',
  '所属期',
  '日期',
  '时间',
  '期',
];

const PREV_YEAR_FIELD: Partial<Record<Measure, FigureField>> = {
  grossOutput: 'prevYearGrossOutput',
  revenue: 'prevYearRevenue',
  profit: 'prevYearProfit',
  taxes: 'prevYearTaxes',
};

const UNIT_KIND: Record<Measure, UnitKind> = {
  grossOutput: 'money',
  revenue: 'money',
  profit: 'money',
  taxes: 'money',
  electricityKwh: 'energy',
  employees: 'persons',
};

/** Units by kind, lower-case, with their multiplier to 元 / kWh / persons. */
const UNITS: Record<UnitKind, Readonly<Record<string, bigint>>> = {
  money: { 元: 1n, 千元: 1000n, 万元: 10_000n, 亿元: 100_000_000n },
  energy: { 千瓦时: 1n, kwh: 1n, 度: 1n, 兆瓦时: 1000n, mwh: 1000n, 万千瓦时: 10_000n, 万kwh: 10_000n, 万度: 10_000n },
  persons: { 人: 1n },
};

/** Words that qualify a measure when written before or after its name, longest first. */
const AFFIXES = ['本月止累计', '1-本月累计', '上年同期', '去年同期', '本年累计', '同期', '累计', '本年', '当月', '本月', '上年'];
const RANGE_AFFIX = /^1[-~至到—–]\d{1,2}月|1[-~至到—–]\d{1,2}月$/;

type Qualifiers = { basis: Basis | null; prevYear: boolean; unit: string | null };

function classify(qualifier: string, into: Qualifiers): void {
  const q = qualifier.toLowerCase();
  if (q === '') return;
  if (isUnit(q)) {
    into.unit = q;
    return;
  }
  if (/上年同期|去年同期|同期|上年/.test(q)) into.prevYear = true;
  if (/累计|1[-~至到—–]\d{1,2}月|1-本月|本年/.test(q)) into.basis = 'ytd';
  else if (/当月|本月/.test(q)) into.basis ??= 'month';
}

/** Splits a normalised header into its measure name and its qualifiers. */
export function splitHeader(text: string): { base: string; qualifiers: string[] } {
  const qualifiers: string[] = [];
  let base = text.replace(/\(([^()]*)\)/g, (_whole, inner: string) => {
    pushAll(qualifiers, inner.split(/[,;、/|:]/));
    return '';
  });
  const [first = '', ...rest] = base.split(/[/_|]/);
  base = first;
  pushAll(qualifiers, rest);
  for (let changed = true; changed;) {
    changed = false;
    const range = RANGE_AFFIX.exec(base);
    if (range) {
      qualifiers.push(range[0]);
      base = base.replace(range[0], '');
      changed = true;
    }
    for (const word of AFFIXES) {
      if (base.length > word.length && base.startsWith(word)) {
        qualifiers.push(word);
        base = base.slice(word.length);
        changed = true;
      } else if (base.length > word.length && base.endsWith(word)) {
        qualifiers.push(word);
        base = base.slice(0, -word.length);
        changed = true;
      }
    }
  }
  return { base, qualifiers };
}

export type HeaderParse = { spec: ColumnSpec } | { spec: null; unitMismatch?: { unit: string; measure: Measure } };

/**
 * What a header names: an identity column (USCC, name, period), a value column with its field,
 * basis and unit multiplier, or nothing we know (null: the column is ignored and listed). A unit of
 * the wrong kind (万元 on 用电量) is reported, since its values cannot be converted.
 */
export function parseHeader(raw: string): HeaderParse {
  const text = normalizeHeaderText(raw);
  if (text === '') return { spec: null };
  const { base, qualifiers } = splitHeader(text);
  const lowerBase = base.toLowerCase();
  if (USCC_ALIASES.includes(lowerBase)) return { spec: { kind: 'uscc' } };
  if (NAME_ALIASES.includes(base)) return { spec: { kind: 'name' } };
  if (PERIOD_ALIASES.includes(base)) return { spec: { kind: 'period' } };
  const measure = MEASURES.find((m) => MEASURE_ALIASES[m].includes(base));
  if (!measure) return { spec: null };
  const q: Qualifiers = { basis: null, prevYear: false, unit: null };
  for (const qualifier of qualifiers) classify(qualifier, q);
  const field = q.prevYear ? PREV_YEAR_FIELD[measure] : measure;
  if (!field) return { spec: null };
  let multiplier: bigint | null = null;
  if (q.unit !== null) {
    const found = UNITS[UNIT_KIND[measure]][q.unit];
    if (found === undefined) return { spec: null, unitMismatch: { unit: q.unit, measure } };
    multiplier = found;
  }
  // 从业人员 is a head count at the month, not a flow: a "累计" (average) figure is stored as it is.
  const basis = measure === 'employees' ? 'month' : q.basis;
  return { spec: { kind: 'value', field, basis, multiplier } };
}

/** A row is the header when it names the USCC column and at least one measure column. */
export function isHeaderRow(texts: readonly string[]): boolean {
  const specs = texts.map((t) => parseHeader(t).spec);
  return specs.some((s) => s?.kind === 'uscc') && specs.some((s) => s?.kind === 'value');
}

const QUALIFIER_WORDS = /^(?:上年同期|去年同期|同期|上年|本年累计|本月止累计|累计|本年|当月|本月|1[-~至到—–]\d{1,2}月)+$/;

function isUnit(text: string): boolean {
  return Object.values(UNITS).some((table) => text.toLowerCase() in table);
}

/** A cell of a second header row that only qualifies the column above it (当月, 累计, 上年同期, a unit). */
export function isQualifierOnly(text: string): boolean {
  const parts = normalizeHeaderText(text)
    .replace(/[()]/g, ',')
    .split(/[,;、/|:]/)
    .filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => QUALIFIER_WORDS.test(p) || isUnit(p));
}

/**
 * Joins a two-row header (a merged 工业总产值 cell above 当月 | 累计 cells): each lower cell is added
 * in brackets to the nearest upper text at or left of it. Columns without a lower cell keep the upper.
 */
export function mergeHeaderRows(upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  const merged: string[] = [];
  let carried = '';
  for (let i = 0; i < width; i += 1) {
    const top = (upper[i] ?? '').trim();
    const below = (lower[i] ?? '').trim();
    if (top !== '') carried = top;
    merged.push(below === '' ? top : `${carried}(${below})`);
  }
  return merged;
}

/** The key that makes two columns the same column (same field and basis). */
export function columnKey(spec: ColumnSpec): string {
  return spec.kind === 'value' ? `${spec.field}:${spec.basis ?? 'month'}` : spec.kind;
}
