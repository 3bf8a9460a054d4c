// Checking every row of an import file against the rules and the master data. Nothing is written
// here: the result is either the rows to write or every error found, each with its row and column.
import { IMPORT_COLUMNS } from '../../../../shared/contracts/enterprises.js';
import { rowError, type RowError } from '../../../lib/spreadsheet/row-errors.js';
import type { MessageKey } from '../../../../shared/i18n/index.js';
import { validateUscc } from '../../../../shared/uscc.js';
import type { ReferenceLookups } from '../enterprises.lookups.js';
import type { ParsedSheet, SheetRow } from './import.parse.js';
import { pushAll } from '../../../../shared/arrays.js';

/** Columns the import reads: the template's, plus 上市 (optional, not in the template). */
const KNOWN_COLUMNS: readonly string[] = [...IMPORT_COLUMNS, '上市'];
const REQUIRED_COLUMNS = ['统一社会信用代码', '企业名称', '所属区县'] as const;

/** The example row of the template: refused if someone uploads the template without deleting it. */
export const TEMPLATE_EXAMPLE = { uscc: '91430400MA4L000038', name: '示例输变电设备有限公司（导入前请删除本行）' } as const;

export type { RowError };

/** A checked row. A field is undefined when its column is not in the file (an update keeps the stored value). */
export type ImportRow = {
  row: number;
  uscc: string;
  name: string;
  regionCode: string;
  parkId?: number | null;
  gbt4754Code?: string | null;
  isChainMaster?: boolean;
  isSpecialized?: boolean;
  isHighTech?: boolean;
  isListed?: boolean;
  aboveScaleYears?: number[];
  memberships?: { nodeId: number; chainCode: string; nodeKey: string; isPrimary: boolean }[];
};

export type CheckedRows = { rows: ImportRow[]; errors: RowError[]; ignoredColumns: string[] };

const TRUE_WORDS = new Set(['是', 'y', 'yes', '1', 'true', '√', '✓']);
const FALSE_WORDS = new Set(['否', 'n', 'no', '0', 'false', '×', '']);

const errorOf = rowError;

/** Checks the header row: required columns present, no column twice. Errors are reported on the header's row. */
function checkHeaders(sheet: ParsedSheet): { index: Map<string, number>; errors: RowError[]; ignored: string[] } {
  const index = new Map<string, number>();
  const errors: RowError[] = [];
  const ignored: string[] = [];
  sheet.headers.forEach((header, i) => {
    if (header === '') return;
    if (!KNOWN_COLUMNS.includes(header)) {
      ignored.push(header);
      return;
    }
    if (index.has(header)) errors.push(errorOf(sheet.headerRow, header, header, 'enterprises.import.duplicateColumn', { column: header }));
    else index.set(header, i);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column)) errors.push(errorOf(sheet.headerRow, column, null, 'enterprises.import.missingColumn', { column }));
  }
  return { index, errors, ignored };
}

/**
 * Checks all rows. Rules: USCC valid (the message names the wrong position) and unique in the file;
 * name required; region and park by code, full name or short name; 行业代码 2–4 digits; 规上年度 a
 * list of years; 产业链环节 `CH02:xfmr;CH04:cuproc` with the primary node first; flags 是/否, Y/N,
 * 1/0 or true/false (empty = 否).
 */
export function checkRows(sheet: ParsedSheet, lookups: ReferenceLookups): CheckedRows {
  const headers = checkHeaders(sheet);
  if (headers.errors.length > 0) return { rows: [], errors: headers.errors, ignoredColumns: headers.ignored };
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  for (const line of sheet.rows) {
    const checked = checkRow(line, headers.index, lookups);
    pushAll(errors, checked.errors);
    if (!checked.row) continue;
    const earlier = firstRowOf.get(checked.row.uscc);
    if (earlier !== undefined) {
      errors.push(errorOf(line.row, '统一社会信用代码', checked.row.uscc, 'enterprises.import.duplicateRow', { row: earlier }));
      continue;
    }
    firstRowOf.set(checked.row.uscc, line.row);
    if (checked.errors.length === 0) rows.push(checked.row);
  }
  if (sheet.rows.length === 0) errors.push(errorOf(sheet.headerRow + 1, '统一社会信用代码', null, 'enterprises.import.empty'));
  return { rows: errors.length === 0 ? rows : [], errors, ignoredColumns: headers.ignored };
}

function checkRow(line: SheetRow, index: Map<string, number>, lookups: ReferenceLookups): { row: ImportRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const has = (column: string) => index.has(column);
  const cell = (column: string): string => {
    const i = index.get(column);
    return i === undefined ? '' : (line.cells[i] ?? '').trim();
  };
  const fail = (column: string, key: MessageKey, params: Record<string, string | number> = {}) =>
    errors.push(errorOf(line.row, column, cell(column) === '' ? null : cell(column), key, params));

  let uscc = '';
  const usccText = cell('统一社会信用代码');
  if (usccText === '') fail('统一社会信用代码', 'enterprises.import.required');
  else {
    const result = validateUscc(usccText);
    if (result.ok) uscc = result.value;
    else
      errors.push({ row: line.row, column: '统一社会信用代码', value: usccText, reasonZh: result.messageZh, reasonEn: result.messageEn });
  }
  const name = cell('企业名称');
  if (name === '') fail('企业名称', 'enterprises.import.required');
  else if (name.length > 200) fail('企业名称', 'enterprises.import.tooLong', { max: 200 });
  if (uscc === TEMPLATE_EXAMPLE.uscc && name === TEMPLATE_EXAMPLE.name) fail('企业名称', 'enterprises.import.exampleRow');

  const regionText = cell('所属区县');
  const region = regionText === '' ? undefined : lookups.region(regionText);
  if (regionText === '') fail('所属区县', 'enterprises.import.required');
  else if (!region) fail('所属区县', 'enterprises.error.unknownRegion', { value: regionText });

  const row: ImportRow = { row: line.row, uscc, name, regionCode: region?.code ?? '' };
  if (has('所属园区')) {
    const text = cell('所属园区');
    const park = text === '' ? null : lookups.park(text);
    if (park === undefined) fail('所属园区', 'enterprises.error.unknownPark', { value: text });
    else row.parkId = park === null ? null : park.id;
  }
  if (has('行业代码')) {
    const text = cell('行业代码');
    if (text !== '' && !/^[0-9]{2,4}$/.test(text)) fail('行业代码', 'enterprises.import.badGbt');
    row.gbt4754Code = text === '' ? null : text;
  }
  if (has('规上年度'))
    row.aboveScaleYears = parseYears(cell('规上年度'), () => fail('规上年度', 'enterprises.import.badYear', { value: cell('规上年度') }));
  if (has('产业链环节')) row.memberships = parseMemberships(cell('产业链环节'), lookups, (key, params) => fail('产业链环节', key, params));
  const flag = (column: string): boolean | undefined => {
    if (!has(column)) return undefined;
    const word = cell(column).toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (!FALSE_WORDS.has(word)) fail(column, 'enterprises.import.badFlag', { value: cell(column) });
    return false;
  };
  row.isChainMaster = flag('链主');
  row.isSpecialized = flag('专精特新');
  row.isHighTech = flag('高新技术企业');
  row.isListed = flag('上市');
  return { row: uscc === '' ? null : row, errors };
}

/** "2023,2024" (also with ，、; or spaces) → [2023, 2024]. */
function parseYears(text: string, onError: () => void): number[] {
  if (text === '') return [];
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  const years = parts.map(Number);
  if (years.some((y) => !Number.isInteger(y) || y < 1990 || y > 2100) || parts.some((p) => !/^[0-9]{4}$/.test(p))) {
    onError();
    return [];
  }
  return [...new Set(years)].sort((a, b) => a - b);
}

/** "CH02:xfmr;CH04:cuproc" → memberships, the first one primary. */
function parseMemberships(
  text: string,
  lookups: ReferenceLookups,
  onError: (key: MessageKey, params: Record<string, string | number>) => void,
): ImportRow['memberships'] {
  if (text === '') return [];
  const result: NonNullable<ImportRow['memberships']> = [];
  for (const part of text
    .split(/[;；\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z][A-Za-z0-9]{1,15})\s*[:：]\s*([A-Za-z][A-Za-z0-9_]{0,31})$/.exec(part);
    if (!match) {
      onError('enterprises.import.badMembership', { value: part });
      continue;
    }
    const chainCode = (match[1] ?? '').toUpperCase();
    const nodeKey = (match[2] ?? '').toLowerCase();
    if (!lookups.chainExists(chainCode)) {
      onError('enterprises.error.unknownChain', { value: chainCode });
      continue;
    }
    const node = lookups.node(chainCode, nodeKey);
    if (!node) {
      onError('enterprises.error.unknownNode', { chain: chainCode, node: nodeKey });
      continue;
    }
    if (result.some((m) => m.nodeId === node.id)) {
      onError('enterprises.error.duplicateMembership', { value: `${chainCode}:${nodeKey}` });
      continue;
    }
    result.push({ nodeId: node.id, chainCode, nodeKey, isPrimary: result.length === 0 });
  }
  return result;
}
