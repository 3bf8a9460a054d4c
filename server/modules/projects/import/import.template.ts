// The downloadable import templates: the columns in order with one example row, a 填写说明 sheet for
// each column, and (projects) a 代码表 of the chains and nodes, channels, categories, counties and parks.
import ExcelJS from 'exceljs';
import {
  INVESTMENT_IMPORT_COLUMNS,
  PROJECT_CATEGORIES,
  PROJECT_CHANNELS,
  PROJECT_IMPORT_COLUMNS,
  type InvestmentImportColumn,
  type ProjectImportColumn,
} from '../../../../shared/contracts/projects.js';
import { translate } from '../../../../shared/i18n/index.js';
import { safeCell } from '../../../../shared/spreadsheet-safe.js';
import { addGuideSheet } from '../../../lib/spreadsheet/guide-sheet.js';
import type { Db } from '../../../db/client.js';
import { requireAccess } from '../../access/access.policy.js';
import type { Actor } from '../../access/actor.js';
import { isProjectWriter } from '../projects.policy.js';
import { selectImportRefs } from './import.queries.js';

type Guide<C extends string> = Record<C, { example: string; required: boolean; rule: string }>;

const PROJECT_GUIDE: Guide<ProjectImportColumn> = {
  项目名称: { example: '示例储能变流器项目', required: true, rule: '不超过100字；每行登记一条线索（阶段为“线索”）。' },
  产业链: { example: 'CH02', required: true, rule: '产业链代码或全称，见“代码表”。' },
  环节: { example: 'xfmr', required: false, rule: '项目补的缺链/弱链环节：环节代码或名称，见“代码表”。' },
  招商渠道: {
    example: '链长招商',
    required: false,
    rule: `${PROJECT_CHANNELS.map((c) => translate('zh-CN', `projects.channel.${c}`)).join('、')}；留空为“其他”。`,
  },
  项目类别: {
    example: '产业项目',
    required: false,
    rule: `${PROJECT_CATEGORIES.map((c) => translate('zh-CN', `projects.category.${c}`)).join('、')}；留空为产业项目。`,
  },
  县市区: { example: '衡阳县', required: true, rule: '区县代码（如 430421）或全称。' },
  园区: { example: '', required: false, rule: '园区全称、简称或编号；不在园区的留空。' },
  客商统一社会信用代码: { example: '', required: false, rule: '须已在客商库登记；留空表示未定。' },
  '签约额(万元)': { example: '50000', required: false, rule: '单位万元，不小于0，可带小数。' },
  '计划总投资(万元)': { example: '120000', required: false, rule: '单位万元；列入重大项目表须达到门槛（默认1亿元）。' },
  责任单位: { example: '', required: false, rule: '不超过100字。' },
  责任人: { example: '', required: false, rule: '不超过50字。' },
  线索日期: { example: '2025-03-01', required: false, rule: '发现线索的日期，格式 2025-03-01，不能晚于今天；留空为今天。' },
  备注: { example: '', required: false, rule: '不超过2000字。' },
};

const INVESTMENT_GUIDE: Guide<InvestmentImportColumn> = {
  项目编号: { example: '1', required: true, rule: '项目页地址末尾的编号（项目列表导出也有）；须在您的管辖范围内。' },
  月份: { example: '2025-03', required: true, rule: '格式 2025-03，不能晚于本月；同一项目同一月份再次导入会覆盖。' },
  '完成投资(万元)': { example: '1500', required: true, rule: '当月完成投资，单位万元。' },
  '到位资金(万元)': { example: '1200', required: false, rule: '当月到位资金，单位万元；留空为0。' },
};

const RULES = [
  '第一个工作表为导入数据，请勿修改列名；导入前请删除示例行。',
  '导入为“全部成功或全部不写入”：任何一行有错，系统列出所有错误（行号、列名、原因），不写入任何数据。',
  '建议先“检查”（试导入），无错误后再正式导入。也可上传 CSV 文件（UTF-8 或 GBK 编码），列名相同。',
];

function workbookOf<C extends string>(sheetName: string, columns: readonly C[], guide: Guide<C>): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ChainChief';
  const data = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = columns.map((c) => ({ header: c, key: c, width: c === '项目名称' ? 32 : 18, style: { numFmt: '@' } }));
  data.getRow(1).font = { bold: true };
  data.addRow(Object.fromEntries(columns.map((c) => [c, guide[c].example])));
  addGuideSheet(
    workbook,
    columns.map((column) => ({ column, ...guide[column] })),
    RULES,
  );
  return workbook;
}

/** The project import template, with the code sheet of this database's chains, nodes, counties and parks. */
export async function buildProjectTemplate(db: Db, actor: Actor): Promise<Buffer> {
  requireAccess(isProjectWriter(actor));
  const workbook = workbookOf('招商项目', PROJECT_IMPORT_COLUMNS, PROJECT_GUIDE);
  const refs = await selectImportRefs(db);
  const codes = workbook.addWorksheet('代码表');
  codes.columns = ['类别', '代码', '名称', '所属'].map((header) => ({ header, key: header, width: header === '名称' ? 36 : 16 }));
  codes.getRow(1).font = { bold: true };
  const chainNames = new Map(refs.chainRows.map((c) => [c.code, c.name]));
  const lines: [string, string, string, string][] = [
    ...refs.chainRows.map((c): [string, string, string, string] => ['产业链', c.code, c.name, '']),
    ...refs.nodeRows.map((n): [string, string, string, string] => [
      '环节',
      n.key,
      n.name,
      `${n.chainCode} ${chainNames.get(n.chainCode) ?? ''}`,
    ]),
    ...PROJECT_CHANNELS.map((c): [string, string, string, string] => ['招商渠道', '', translate('zh-CN', `projects.channel.${c}`), '']),
    ...PROJECT_CATEGORIES.map((c): [string, string, string, string] => ['项目类别', '', translate('zh-CN', `projects.category.${c}`), '']),
    ...refs.regionRows.map((r): [string, string, string, string] => ['县市区', r.code, r.name, '']),
    ...refs.parkRows.map((p): [string, string, string, string] => ['园区', String(p.id), p.name, p.shortName]),
  ];
  // Names come from master data people typed: neutralised like every export (shared/spreadsheet-safe.ts).
  for (const line of lines) codes.addRow(line.map((v) => safeCell(v)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The monthly investment import template. */
export async function buildInvestmentTemplate(actor: Actor): Promise<Buffer> {
  requireAccess(isProjectWriter(actor));
  return Buffer.from(await workbookOf('月度投资', INVESTMENT_IMPORT_COLUMNS, INVESTMENT_GUIDE).xlsx.writeBuffer());
}
