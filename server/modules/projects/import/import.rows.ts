// Checking the rows of a project or investment file against the database's chains, nodes, regions,
// parks, investors and projects. Every problem is one error (row, column, value, reason in both
// languages); a row with any error is not written, and the service writes nothing when any row failed.
import {
  MAX_AMOUNT_YUAN,
  PROJECT_CATEGORIES,
  PROJECT_CHANNELS,
  PROJECT_IMPORT_COLUMNS,
  INVESTMENT_IMPORT_COLUMNS,
  type InvestmentImportColumn,
  type ProjectCategory,
  type ProjectChannel,
  type ProjectImportColumn,
} from '../../../../shared/contracts/projects.js';
import { translate, type MessageKey } from '../../../../shared/i18n/index.js';
import { rowError, type RowError } from '../../../lib/spreadsheet/row-errors.js';
import { parseDecimal, scaleToInteger } from '../../../lib/spreadsheet/decimal.js';
import type { ReadSheet, TextRow } from '../../../lib/spreadsheet/import-sheet.js';

export type { RowError };
export { rowError };

/** What the rows are checked against (keys as people write them: codes, full and short names). */
export type ProjectLookups = {
  chains: Map<string, string>;
  /** `${chainCode}:${node key or name}` → node id and key. */
  nodes: Map<string, { id: number; key: string }>;
  regions: Map<string, string>;
  parks: Map<string, { id: number; shortName: string; name: string }>;
  investors: Map<string, number>;
};

export type ProjectDraft = {
  row: number;
  name: string;
  chainCode: string;
  nodeId: number | null;
  channel: ProjectChannel;
  category: ProjectCategory;
  regionCode: string;
  park: { id: number; shortName: string; name: string } | null;
  investorId: number | null;
  signedAmount: number | null;
  plannedInvestment: number | null;
  unit: string | null;
  person: string | null;
  leadDate: string;
  notes: string | null;
};

const WAN = 10_000n;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The column positions by header; a required column missing from the header is an error on the header row. */
export function columnIndex<C extends string>(sheet: ReadSheet, columns: readonly C[], required: readonly C[]) {
  const index = new Map<C, number>();
  for (const column of columns) {
    const at = sheet.headers.indexOf(column);
    if (at !== -1) index.set(column, at);
  }
  const errors = required
    .filter((c) => !index.has(c))
    .map((c) => rowError(sheet.headerRow, c, null, 'projects.import.missingColumn', { column: c }));
  return { cell: (row: TextRow, column: C) => row.cells[index.get(column) ?? -1] ?? '', errors };
}

/** A money cell in 万元 as integer 元 (exact decimal arithmetic); empty → null, bad or negative → an error. */
export function wanToYuan(text: string, row: number, column: string, errors: RowError[]): number | null {
  if (text === '') return null;
  const parsed = parseDecimal(text);
  const yuan = parsed === null ? null : scaleToInteger(parsed, WAN);
  if (yuan === null || yuan < 0n || yuan > BigInt(MAX_AMOUNT_YUAN)) {
    errors.push(rowError(row, column, text, 'projects.import.badAmount'));
    return null;
  }
  return Number(yuan);
}

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Checks the rows of a project file; `today` bounds the 线索 date (a lead is found on a day that has happened). */
export function checkProjectRows(sheet: ReadSheet, lookups: ProjectLookups, today: string): { drafts: ProjectDraft[]; errors: RowError[] } {
  const columns = columnIndex<ProjectImportColumn>(sheet, PROJECT_IMPORT_COLUMNS, ['项目名称', '产业链', '县市区']);
  const errors: RowError[] = [...columns.errors];
  const drafts: ProjectDraft[] = [];
  if (errors.length > 0) return { drafts, errors };
  for (const line of sheet.rows) {
    const at = errors.length;
    const cell = (column: ProjectImportColumn) => columns.cell(line, column);
    const fail = (column: ProjectImportColumn, key: MessageKey, params: Record<string, string | number> = {}) =>
      errors.push(rowError(line.row, column, cell(column) || null, key, params));
    const text = (column: ProjectImportColumn, max: number): string | null => {
      const value = cell(column);
      if (value.length > max) fail(column, 'projects.import.tooLong', { max });
      return value === '' ? null : value;
    };
    const name = text('项目名称', 100);
    if (name === null) fail('项目名称', 'projects.import.required');
    const chainCode = lookups.chains.get(cell('产业链'));
    if (chainCode === undefined) fail('产业链', cell('产业链') === '' ? 'projects.import.required' : 'projects.import.unknownChain');
    let nodeId: number | null = null;
    if (cell('环节') !== '' && chainCode !== undefined) {
      const node = lookups.nodes.get(`${chainCode}:${cell('环节')}`);
      if (node) nodeId = node.id;
      else fail('环节', 'projects.import.unknownNode', { chain: chainCode });
    }
    /** A choice cell: a value or its Chinese label; empty → `fallback`; anything else fails, listing the labels. */
    const choice = <T extends string>(column: ProjectImportColumn, values: readonly T[], label: (v: T) => string, fallback: T) => {
      const given = cell(column);
      const picked = given === '' ? fallback : values.find((v) => v === given || label(v) === given);
      if (picked === undefined) fail(column, 'projects.import.unknownChoice', { choices: values.map(label).join('、') });
      return picked;
    };
    const channel = choice('招商渠道', PROJECT_CHANNELS, (c) => translate('zh-CN', `projects.channel.${c}`), 'other');
    const category = choice('项目类别', PROJECT_CATEGORIES, (c) => translate('zh-CN', `projects.category.${c}`), 'industry');
    const regionCode = lookups.regions.get(cell('县市区'));
    if (regionCode === undefined) fail('县市区', cell('县市区') === '' ? 'projects.import.required' : 'projects.import.unknownRegion');
    const park = cell('园区') === '' ? null : (lookups.parks.get(cell('园区')) ?? undefined);
    if (park === undefined) fail('园区', 'projects.import.unknownPark');
    const investorId =
      cell('客商统一社会信用代码') === '' ? null : (lookups.investors.get(cell('客商统一社会信用代码').toUpperCase()) ?? undefined);
    if (investorId === undefined) fail('客商统一社会信用代码', 'projects.import.unknownInvestor');
    const signedAmount = wanToYuan(cell('签约额(万元)'), line.row, '签约额(万元)', errors);
    const plannedInvestment = wanToYuan(cell('计划总投资(万元)'), line.row, '计划总投资(万元)', errors);
    const leadDate = cell('线索日期') === '' ? today : cell('线索日期');
    if (!isRealDate(leadDate)) fail('线索日期', 'projects.import.badDate');
    else if (leadDate > today) fail('线索日期', 'projects.error.futureDate', { date: leadDate });
    const unit = text('责任单位', 100);
    const person = text('责任人', 50);
    const notes = text('备注', 2000);
    if (errors.length > at || name === null || chainCode === undefined || channel === undefined || category === undefined) continue;
    if (regionCode === undefined || park === undefined || investorId === undefined) continue;
    drafts.push({
      row: line.row,
      name,
      chainCode,
      nodeId,
      channel,
      category,
      regionCode,
      park,
      investorId,
      signedAmount,
      plannedInvestment,
      unit,
      person,
      leadDate,
      notes,
    });
  }
  return { drafts, errors };
}

export type InvestmentDraft = { row: number; projectId: number; period: string; completed: number; fundsArrived: number };

/**
 * Checks the rows of a monthly investment file: a known project (by its number), a month (YYYY-MM,
 * not after this month) and the two amounts in 万元; a month twice in the file is an error.
 */
export function checkInvestmentRows(
  sheet: ReadSheet,
  known: (projectId: number) => boolean,
  thisMonth: string,
): { drafts: InvestmentDraft[]; errors: RowError[] } {
  const columns = columnIndex<InvestmentImportColumn>(sheet, INVESTMENT_IMPORT_COLUMNS, ['项目编号', '月份', '完成投资(万元)']);
  const errors: RowError[] = [...columns.errors];
  const drafts: InvestmentDraft[] = [];
  if (errors.length > 0) return { drafts, errors };
  const seen = new Set<string>();
  for (const line of sheet.rows) {
    const at = errors.length;
    const cell = (column: InvestmentImportColumn) => columns.cell(line, column);
    const idText = cell('项目编号');
    const projectId = /^\d{1,9}$/.test(idText) ? Number(idText) : null;
    if (projectId === null || !known(projectId))
      errors.push(rowError(line.row, '项目编号', idText || null, 'projects.import.unknownProject'));
    const period = cell('月份').replace(/^(\d{4})[/.年](\d{1,2})月?$/, (_, y: string, m: string) => `${y}-${m.padStart(2, '0')}`);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period) || period > thisMonth)
      errors.push(rowError(line.row, '月份', cell('月份') || null, 'projects.import.badPeriod'));
    const completed = wanToYuan(cell('完成投资(万元)'), line.row, '完成投资(万元)', errors);
    if (cell('完成投资(万元)') === '') errors.push(rowError(line.row, '完成投资(万元)', null, 'projects.import.required'));
    const fundsArrived = wanToYuan(cell('到位资金(万元)'), line.row, '到位资金(万元)', errors) ?? 0;
    const key = `${idText}|${period}`;
    if (seen.has(key)) errors.push(rowError(line.row, '月份', period, 'projects.import.duplicateMonth'));
    seen.add(key);
    if (errors.length > at || projectId === null || completed === null) continue;
    drafts.push({ row: line.row, projectId, period, completed, fundsArrived });
  }
  return { drafts, errors };
}
