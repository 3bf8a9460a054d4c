// The downloadable import template: the columns the import reads best, units in the headers, and
// (in the .xlsx) a second sheet explaining the rules.
import ExcelJS from 'exceljs';

/** The template's columns: identity, the six 当月 measures, then the four 上年同期 bases. */
export const TEMPLATE_HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '期别',
  '工业总产值(当月,万元)',
  '营业收入(当月,万元)',
  '利润总额(当月,万元)',
  '税金总额(当月,万元)',
  '用电量(当月,千瓦时)',
  '从业人员(人)',
  '工业总产值(上年同期,万元)',
  '营业收入(上年同期,万元)',
  '利润总额(上年同期,万元)',
  '税金总额(上年同期,万元)',
] as const;

const NOTES: readonly (readonly [string, string])[] = [
  ['统一社会信用代码', '必填，18 位，须是企业名录中已有的企业。企业名称仅用于核对。'],
  [
    '期别',
    '如 2024-06、2024年6月、202406 或 Excel 日期；1、2 月合并报送时写 2024年1-2月。整个文件同一期别时可不要此列，在导入时选择期别。',
  ],
  [
    '金额单位',
    '表头括号中写明单位：元、千元、万元（全角或半角括号均可）。表头未写单位时按导入时选择的单位。存储时按“四舍五入（远离零）”精确换算为元。',
  ],
  [
    '当月/累计',
    '表头写“当月”或不写为当月数；写“本年累计”或“累计”时，系统用上月累计推算当月数（需此前各月已导入或在同一文件中）。2 月累计而无 1 月数据时视为 1-2 月合计：整笔存入 2 月，1 月记为 0 并标注“1-2月合计”。',
  ],
  ['上年同期', '企业报表中的上年同期数，作为同口径增速的基数；与系统中该企业上年同月数据不一致时给出警告。'],
  ['负数', '利润总额可为负数，其他指标不能为负。“-”“—”或空白表示未填报。'],
  ['标题行', '表头上方可以有标题行、单位说明行，系统会自动找到表头。表格下方的“合计”行会被忽略。'],
  [
    '校验',
    '有错误时整份文件都不写入，并逐行列出错误；有警告（如数值是该企业近 12 个月中位数的 10 倍以上，疑似单位错误）时须确认后才写入。',
  ],
  ['示例', '91430400MA4L000038 | 示例有限公司 | 2024-06 | 1234.56 | 1200 | 85.3 | 40.2 | 356000 | 230 | 1100 | 1080 | 70 | 35'],
];

/** The .xlsx template: sheet 导入数据 with the header row, sheet 填写说明 with the rules. */
export async function buildTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ChainChief';
  const sheet = workbook.addWorksheet('导入数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TEMPLATE_HEADERS.map((header, i) => ({ header, key: `c${i}`, width: i === 0 ? 22 : i === 1 ? 28 : 18 }));
  sheet.getRow(1).font = { bold: true };
  // Text cells: a USCC or a period typed here must not turn into a number or a date.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(3).numFmt = '@';
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '项目', key: 'item', width: 16 },
    { header: '说明', key: 'text', width: 110 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const [item, text] of NOTES) notes.addRow({ item, text });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The .csv template: UTF-8 with a BOM (so Excel opens the Chinese headers correctly), header row only. */
export function buildTemplateCsv(): Buffer {
  // Headers hold commas (工业总产值(当月,万元)), so each is quoted.
  return Buffer.from(`\ufeff${TEMPLATE_HEADERS.map((h) => `"${h}"`).join(',')}\r\n`, 'utf8');
}
