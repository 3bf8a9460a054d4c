// The downloadable import template: the headers in order with one example row, a notes sheet that
// explains each column, and a code sheet with the regions, parks and chain nodes of this database.
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, type ImportColumn } from '../../../../shared/contracts/enterprises.js';
import { safeCell } from '../../../../shared/spreadsheet-safe.js';
import { addGuideSheet } from '../../../lib/spreadsheet/guide-sheet.js';
import type { Db } from '../../../db/client.js';
import { requireAccess } from '../../access/access.policy.js';
import type { Actor } from '../../access/actor.js';
import { canCreateEnterprise } from '../enterprises.policy.js';
import { selectNodeRefs, selectParkRefs, selectRegionRefs } from '../enterprises.queries.js';
import { TEMPLATE_EXAMPLE } from './import.rows.js';

const EXAMPLE: Record<ImportColumn, string> = {
  统一社会信用代码: TEMPLATE_EXAMPLE.uscc,
  企业名称: TEMPLATE_EXAMPLE.name,
  所属区县: '衡阳高新区',
  所属园区: '衡阳高新区',
  行业代码: '3821',
  规上年度: '2023,2024',
  产业链环节: 'CH02:xfmr;CH04:cuproc',
  链主: '否',
  专精特新: '是',
  高新技术企业: '是',
};

const NOTES: Record<ImportColumn, [required: string, rule: string]> = {
  统一社会信用代码: ['必填', '18位，营业执照上的代码；系统校验第17、18位校验码。同一文件中不得重复。已存在的企业按此代码更新。'],
  企业名称: ['必填', '企业全称，不超过200字。'],
  所属区县: ['必填', '区县代码（如 430421）、全称（衡阳县）或简称；高新区、综保区、松木经开区内企业可填统计功能区。见“代码表”。'],
  所属园区: ['选填', '园区全称、简称（如 衡阳高新区）或编号；不在园区的留空。见“代码表”。'],
  行业代码: ['选填', '国民经济行业分类（GB/T 4754-2017）2–4 位数字，如 3821。'],
  规上年度: ['选填', '企业进入规上名录的年度，多个用逗号分隔，如 2023,2024；留空表示不是规上企业。'],
  产业链环节: ['选填', '产业链代码:环节代码，多个用分号分隔，第一个为主环节，如 CH02:xfmr;CH04:cuproc。见“代码表”。'],
  链主: ['选填', '是/否、Y/N、1/0 或 true/false；留空为否。'],
  专精特新: ['选填', '同上。'],
  高新技术企业: ['选填', '同上。'],
};

/**
 * Builds the template workbook. The file is the whole truth for the columns it has: an import sets
 * each firm's 规上年度 and 产业链环节 to what the file says; a column left out of the file keeps
 * the stored values.
 */
export async function buildImportTemplate(db: Db, actor: Actor): Promise<Buffer> {
  requireAccess(canCreateEnterprise(actor));
  const [regions, parks, nodes] = await Promise.all([selectRegionRefs(db), selectParkRefs(db), selectNodeRefs(db)]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ChainChief';

  const sheet = workbook.addWorksheet('企业名录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((header) => ({
    header,
    key: header,
    width: header === '企业名称' ? 40 : header === '产业链环节' ? 28 : 18,
  }));
  sheet.getRow(1).font = { bold: true };
  // Codes stay text: Excel would turn an all-digit code or 3821 into a number and drop zeros.
  for (const key of ['统一社会信用代码', '行业代码', '规上年度'] as const) sheet.getColumn(key).numFmt = '@';
  sheet.addRow(EXAMPLE);

  const columns = IMPORT_COLUMNS.map((column) => ({ column, required: NOTES[column][0] === '必填', rule: NOTES[column][1] }));
  addGuideSheet(workbook, columns, [
    '第一个工作表“企业名录”为导入数据，第1行为表头，请勿修改列名；导入前请删除示例行。',
    '导入为“全部成功或全部不写入”：任何一行有错，系统列出所有错误（行号、列名、原因），不写入任何数据。',
    '同一文件重复导入不会产生变化；文件中的规上年度和产业链环节会覆盖系统中的原有值。',
    '也可上传 CSV 文件（UTF-8 或 GBK 编码），列名相同；文件不超过 20 MB。',
  ]);

  const codes = workbook.addWorksheet('代码表');
  codes.columns = [
    { header: '类别', key: 'kind', width: 10 },
    { header: '代码', key: 'code', width: 16 },
    { header: '名称', key: 'name', width: 36 },
    { header: '简称/所属', key: 'extra', width: 30 },
  ];
  codes.getRow(1).font = { bold: true };
  // Names come from master data an admin typed: neutralised like every export (shared/spreadsheet-safe.ts).
  for (const r of regions) codes.addRow({ kind: '区县', code: safeCell(r.code), name: safeCell(r.name), extra: safeCell(r.shortName) });
  for (const p of parks) codes.addRow({ kind: '园区', code: String(p.id), name: safeCell(p.name), extra: safeCell(p.shortName) });
  for (const n of nodes)
    codes.addRow({ kind: '产业链环节', code: safeCell(`${n.chainCode}:${n.key}`), name: safeCell(n.name), extra: safeCell(n.chainName) });

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
