// Importing a chain's 招商目标企业清单 or 可转化科技成果清单 from xlsx/CSV, and their templates (Chinese
// headers, one example row, a 填写说明 sheet). Every row is checked first (node of the chain by key or
// name, the list's contract, a USCC's check characters, labels of the choices); any bad row → every
// error listed and nothing saved; else all rows are added in one transaction, each audited as the
// forms' additions are (chains.lists.ts).
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import {
  createProspectRequest,
  createResearchRequest,
  HOLDER_KINDS,
  RESEARCH_MATURITIES,
  TRANSFER_STATUSES,
  type ChainListImportReport,
} from '../../../shared/contracts/chain-prospects.js';
import { translate, type Locale, type MessageKey } from '../../../shared/i18n/index.js';
import { safeCell } from '../../../shared/spreadsheet-safe.js';
import { validateUscc } from '../../../shared/uscc.js';
import type { Db } from '../../db/client.js';
import { addGuideSheet } from '../../lib/spreadsheet/guide-sheet.js';
import { readImportSheet } from '../../lib/spreadsheet/import-sheet.js';
import type { SheetSource } from '../../lib/spreadsheet/read-rows.js';
import { MiB } from '../../lib/uploads.js';
import { localizeRowErrors, refuseRowErrors, rowError, type RowError } from '../../lib/spreadsheet/row-errors.js';
import type { Actor } from '../access/actor.js';
import { selectMapNodes } from './chains.gaps.queries.js';
import { requireListAccess } from './chains.lists.js';
import { prospects } from './chains.prospects.js';
import { research } from './chains.research.js';

export const IMPORT_LISTS = ['prospects', 'research'] as const;

/** A list of a few thousand rows is far below 5 MB. */
export const LIST_IMPORT_MAX_BYTES = 5 * MiB;
/** The upload rules of a list's import (its route and its job). */
export const LIST_UPLOAD = { maxBytes: LIST_IMPORT_MAX_BYTES, noFileKey: 'enterprises.import.noFile' } as const;
export type ImportList = (typeof IMPORT_LISTS)[number];

type Column = {
  header: string;
  field: string;
  required: boolean;
  rule: string;
  example: string;
  labels?: { prefix: string; values: readonly string[] };
};

const zh = (key: string) =>
  // Keys are built from the contracts' enums, each with a message in both dictionaries.
  translate('zh-CN', key as MessageKey);

const labelsOf = (prefix: string, values: readonly string[]) => values.map((v) => zh(`${prefix}.${v}`)).join('、');

/**
 * A column holding one of `values`, written as its Chinese label (`prefix`.value): the rule lists
 * the labels (and what an empty cell means); the example row shows `example`'s label, or nothing.
 */
function choiceColumn(
  header: string,
  field: string,
  prefix: string,
  values: readonly string[],
  { required, example, whenEmpty }: { required: boolean; example?: string; whenEmpty?: string },
): Column {
  const rule = [labelsOf(prefix, values), whenEmpty].filter(Boolean).join('；');
  return {
    header,
    field,
    required,
    rule: `${rule}。`,
    example: example === undefined ? '' : zh(`${prefix}.${example}`),
    labels: { prefix, values },
  };
}

const NODE: Column = { header: '环节', field: 'nodeKey', required: true, rule: '本产业链的环节名称或代码，见“环节表”。', example: '' };

const COLUMNS: Record<ImportList, readonly Column[]> = {
  prospects: [
    NODE,
    { header: '企业名称', field: 'name', required: true, rule: '不超过100字。', example: '示例远方变压器有限公司' },
    { header: '统一社会信用代码', field: 'uscc', required: false, rule: '18位，校验位须正确；不知道的留空。', example: '' },
    { header: '所在地', field: 'location', required: false, rule: '不超过100字。', example: '江苏省常州市' },
    { header: '主要产品', field: 'products', required: false, rule: '不超过500字。', example: '干式变压器' },
    { header: '来源', field: 'source', required: false, rule: '不超过200字（如链主推荐、展会）。', example: '链主推荐' },
    { header: '备注', field: 'note', required: false, rule: '不超过1000字。', example: '' },
  ],
  research: [
    NODE,
    { header: '成果名称', field: 'title', required: true, rule: '不超过200字。', example: '示例高效硅钢片制备技术' },
    { header: '持有单位', field: 'holder', required: true, rule: '不超过100字。', example: '示例大学' },
    choiceColumn('单位类型', 'holderKind', 'chains.lists.holderKind', HOLDER_KINDS, { required: true, example: 'university' }),
    { header: '技术领域', field: 'field', required: false, rule: '不超过100字。', example: '新材料' },
    choiceColumn('成熟度', 'maturity', 'chains.lists.maturity', RESEARCH_MATURITIES, { required: true, example: 'pilot' }),
    { header: '联系人', field: 'contact', required: false, rule: '不超过100字。', example: '' },
    choiceColumn('转化状态', 'transferStatus', 'chains.lists.transfer', TRANSFER_STATUSES, { required: false, whenEmpty: '留空为待转化' }),
  ],
};

const SCHEMAS = { prospects: createProspectRequest, research: createResearchRequest } as const;
const SHEET_NAMES: Record<ImportList, string> = { prospects: '招商目标企业清单', research: '可转化科技成果清单' };

/** The template: the list's columns with one example row, the 填写说明 sheet, and the chain's nodes. */
export async function buildListTemplate(db: Db, actor: Actor, code: string, list: ImportList): Promise<Buffer> {
  await requireListAccess(db, actor, code, true);
  const nodes = await selectMapNodes(db, [code]);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET_NAMES[list]);
  sheet.columns = COLUMNS[list].map((c) => ({ header: c.header, width: Math.max(14, c.header.length * 3) }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(COLUMNS[list].map((c) => safeCell(c.field === 'nodeKey' ? (nodes[0]?.name ?? '') : c.example)));
  addGuideSheet(
    book,
    COLUMNS[list].map((c) => ({ column: c.header, required: c.required, rule: c.rule })),
    ['第一行为表头，请勿修改列名；示例行请删除或改写。', '任何一行有错时整份文件都不导入，请按错误清单改正后重新上传。'],
  );
  const nodeSheet = book.addWorksheet('环节表');
  nodeSheet.columns = [
    { header: '环节代码', width: 16 },
    { header: '环节名称', width: 24 },
  ];
  for (const n of nodes) nodeSheet.addRow([n.key, n.name]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Draft = { row: number; body: Record<string, unknown> };

/** The rows as contract bodies, or the errors of every bad cell. */
async function checkRows(
  db: Db,
  code: string,
  list: ImportList,
  source: SheetSource,
): Promise<{ rows: number; drafts: Draft[]; errors: RowError[] }> {
  const columns = COLUMNS[list];
  const sheet = await readImportSheet(source, columns[1]?.header ?? '');
  const errors: RowError[] = [];
  const at = new Map(columns.map((c) => [c, sheet.headers.indexOf(c.header)]));
  for (const c of columns) {
    if (c.required && at.get(c) === -1)
      errors.push(rowError(sheet.headerRow, c.header, null, 'projects.import.missingColumn', { column: c.header }));
  }
  if (errors.length > 0) return { rows: sheet.rows.length, drafts: [], errors };
  const nodes = new Map<string, string>();
  for (const n of await selectMapNodes(db, [code])) for (const key of [n.key, n.name]) nodes.set(key, n.key);
  const schema: z.ZodType = SCHEMAS[list];
  const drafts: Draft[] = [];
  for (const r of sheet.rows) {
    const before = errors.length;
    const body: Record<string, unknown> = {};
    for (const c of columns) {
      const text = r.cells[at.get(c) ?? -1] ?? '';
      if (text === '') continue;
      if (c.field === 'nodeKey') {
        const key = nodes.get(text);
        if (key === undefined) errors.push(rowError(r.row, c.header, text, 'chains.import.unknownNode', { code }));
        else body.nodeKey = key;
      } else if (c.labels) {
        const { prefix, values } = c.labels;
        const value = values.find((v) => v === text || zh(`${prefix}.${v}`) === text);
        if (value === undefined)
          errors.push(rowError(r.row, c.header, text, 'chains.import.badChoice', { choices: labelsOf(prefix, values) }));
        else body[c.field] = value;
      } else if (c.field === 'uscc') {
        const check = validateUscc(text);
        if (check.ok) body.uscc = text.toUpperCase();
        else errors.push(rowError(r.row, c.header, text, 'chains.error.invalidUscc', { reasonZh: check.messageZh }));
      } else {
        body[c.field] = text;
      }
    }
    for (const c of columns) {
      if (c.required && (r.cells[at.get(c) ?? -1] ?? '') === '') errors.push(rowError(r.row, c.header, null, 'chains.import.required'));
    }
    if (errors.length > before) continue;
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columns.find((c) => c.field === issue.path[0]);
        const header = column?.header ?? String(issue.path[0] ?? '');
        errors.push(rowError(r.row, header, column ? (r.cells[at.get(column) ?? -1] ?? null) : null, 'chains.import.badValue'));
      }
      continue;
    }
    drafts.push({ row: r.row, body });
  }
  return { rows: sheet.rows.length, drafts, errors };
}

/**
 * Imports a file into the list (dryRun: checks only); with any error nothing is written, and a real
 * import is refused (400, every error in details): the answer of its route and of its job.
 */
export async function importChainList(
  db: Db,
  actor: Actor,
  code: string,
  list: ImportList,
  input: { source: SheetSource; dryRun: boolean },
  locale: Locale,
): Promise<ChainListImportReport> {
  await requireListAccess(db, actor, code, true);
  const { rows, drafts, errors } = await checkRows(db, code, list, input.source);
  const report = { dryRun: input.dryRun, rows, errors: localizeRowErrors(errors, locale) };
  if (errors.length > 0) return refuseRowErrors({ ...report, written: false, created: 0 }, 'chains.import.hasErrors');
  if (input.dryRun) return { ...report, written: false, created: drafts.length };
  await db.transaction(async (tx) => {
    for (const d of drafts) {
      if (list === 'prospects') await prospects.create(tx, actor, code, createProspectRequest.parse(d.body));
      else await research.create(tx, actor, code, createResearchRequest.parse(d.body));
    }
  });
  return { ...report, written: true, created: drafts.length };
}
