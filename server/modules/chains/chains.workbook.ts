// The 五单一图谱 workbook for the 链长's meeting: one sheet per list (a title row, the period and as-of
// row, the unit row, then the table) and a sheet with the map as a picture. The map is drawn here:
// the layered layout of shared/chain-map-layout.ts, the SVG of shared/chain-map-svg.ts, rasterised
// by resvg with the system fonts (fonts-noto-cjk renders the Chinese names).
import { Resvg } from '@resvg/resvg-js';
import ExcelJS from 'exceljs';
import { LAYOUT_NODE, layeredLayout } from '../../../shared/chain-map-layout.js';
import { chainMapSvg, GAP_COLORS, type SvgNode } from '../../../shared/chain-map-svg.js';
import type { ChainMapResponse } from '../../../shared/contracts/chain-map.js';
import { translate, type MessageKey } from '../../../shared/i18n/index.js';
import { safeCell } from '../../../shared/spreadsheet-safe.js';
import { parsePeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { getChainFiveLists } from './chains.five-lists.js';
import { prospects } from './chains.prospects.js';
import { research } from './chains.research.js';

/** The sheet names, in order: the five lists (目标企业 beside 科技成果) and the map. */
export const WORKBOOK_SHEETS = [
  '发展目标清单',
  '在建重大项目清单',
  '重点招商项目清单',
  '重点问题清单',
  '招商目标企业清单',
  '可转化科技成果清单',
  '产业链图谱',
] as const;

type Cell = string | number | null;
type Column = { header: string; width: number };

const zh = (key: string, params?: Record<string, string | number>) =>
  // Keys are built from the contracts' enums, each of which has a message in both dictionaries.
  translate('zh-CN', key as MessageKey, params);

const ratio = (value: number | null) => (value === null ? null : Math.round(value * 10000) / 100);

/** Adds one list sheet: title, period and as-of, unit, the header row and the rows. */
function addListSheet(
  book: ExcelJS.Workbook,
  name: string,
  heading: { title: string; period: string; unit: string },
  columns: readonly Column[],
  rows: readonly Cell[][],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.addRow([heading.title]).font = { bold: true, size: 14 };
  sheet.addRow([heading.period]);
  sheet.addRow([heading.unit]);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => safeCell(v)));
  if (rows.length === 0) sheet.addRow(['（无）']);
  return sheet;
}

/** The map as a PNG: the layered layout, a box per node in its status colour, rasterised at twice the size. */
export function renderMapPng(map: Pick<ChainMapResponse, 'name' | 'period' | 'nodes' | 'edges'>): {
  png: Buffer;
  width: number;
  height: number;
} {
  const placed = new Map(layeredLayout(map.nodes, map.edges).map((p) => [p.key, p]));
  const nodes: SvgNode[] = map.nodes.map((n) => {
    const at = placed.get(n.key) ?? { x: 0, y: 0 };
    return {
      key: n.key,
      x: at.x,
      y: at.y,
      width: LAYOUT_NODE.width,
      height: LAYOUT_NODE.height,
      color: GAP_COLORS[n.status],
      lines: [
        n.name,
        `${zh('chains.gap.status.' + n.status)} · 企业 ${n.enterpriseCount} · 规上 ${n.aboveScaleCount}`,
        `产值 ${(n.output / 1e8).toFixed(2)} 亿元`,
      ],
    };
  });
  const svg = chainMapSvg(nodes, map.edges, `${map.name} · ${map.period}`);
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  }).render();
  return { png: rendered.asPng(), width: rendered.width / 2, height: rendered.height / 2 };
}

/** The 五单一图谱 workbook of the chain for `period` (default the latest published month), as xlsx bytes. */
export async function buildFiveListsWorkbook(db: Db, actor: Actor, code: string, query: { period?: string }): Promise<Buffer> {
  const lists = await getChainFiveLists(db, actor, 'zh-CN', code, query);
  const targets = await prospects.list(db, actor, code);
  const results = await research.list(db, actor, code);
  const { month } = parsePeriod(lists.period);
  const status = zh(`periods.status.${lists.figures.status}`);
  const periodLine = `统计期：${lists.period}（1–${month}月累计，${status}）；清单截至：${lists.asOf}`;
  const asOfLine = `清单截至：${lists.asOf}（项目与问题为当日状态）`;
  const title = (list: string) => `${lists.name} · ${list}`;
  const money = '单位：元（金额）';
  const book = new ExcelJS.Workbook();
  book.creator = 'ChainChief';

  const t = lists.tracking;
  const targetSheet = addListSheet(
    book,
    WORKBOOK_SHEETS[0],
    { title: title(WORKBOOK_SHEETS[0]), period: periodLine, unit: `${money}；增速、完成率单位：%` },
    [
      { header: '年度', width: 10 },
      { header: '产值目标(元)', width: 20 },
      { header: '增速目标(%)', width: 14 },
    ],
    lists.targets.map((row) => [row.year, row.outputTargetYuan, ratio(row.growthTarget)]),
  );
  targetSheet.addRow([]);
  targetSheet.addRow([`目标跟踪（${t.year}年，${lists.period}）`]).font = { bold: true };
  for (const [label, value] of [
    ['产值目标(元)', t.outputTarget],
    ['累计产值(元)', t.ytd],
    ['完成率(%)', ratio(t.completion)],
    ['上年同期占全年比重(%)', ratio(t.lastYearShare)],
    ['年末预计产值(元)', t.projection],
    ['预计完成率(%)', ratio(t.projectedCompletion)],
  ] as const) {
    targetSheet.addRow([label, value]);
  }
  targetSheet.addRow(['说明', '年末预计 = 本年累计 ÷（上年同期累计 ÷ 上年全年），均取已发布月份；无法计算时留空。']);

  addListSheet(
    book,
    WORKBOOK_SHEETS[1],
    { title: title(WORKBOOK_SHEETS[1]), period: `${lists.figures.year}年重大项目表，阶段为开工（未竣工）；${asOfLine}`, unit: money },
    [
      { header: '项目编号', width: 10 },
      { header: '项目名称', width: 36 },
      { header: '阶段', width: 10 },
      { header: '计划总投资(元)', width: 18 },
      { header: '年度计划(元)', width: 18 },
      { header: '本年完成投资(元)', width: 18 },
      { header: '本年到位资金(元)', width: 18 },
      { header: '本年新入库', width: 12 },
    ],
    lists.majorProjects.map((p) => [
      p.projectId,
      p.name,
      zh(`projects.stage.${p.stage}`),
      p.plannedInvestment,
      p.annualPlan,
      p.completed,
      p.fundsArrived,
      p.isNew ? '是' : '否',
    ]),
  );
  addListSheet(
    book,
    WORKBOOK_SHEETS[2],
    { title: title(WORKBOOK_SHEETS[2]), period: `阶段为线索、在谈、签约的项目；${asOfLine}`, unit: money },
    [
      { header: '项目编号', width: 10 },
      { header: '项目名称', width: 36 },
      { header: '阶段', width: 10 },
      { header: '环节', width: 16 },
      { header: '县市区', width: 12 },
      { header: '园区', width: 16 },
      { header: '客商', width: 24 },
      { header: '签约额(元)', width: 18 },
      { header: '计划总投资(元)', width: 18 },
      { header: '签约日期', width: 12 },
    ],
    lists.investmentProjects.map((p) => [
      p.id,
      p.name,
      zh(`projects.stage.${p.stage}`),
      p.nodeName,
      p.regionName,
      p.parkName,
      p.investorName,
      p.signedAmount,
      p.plannedInvestment,
      p.signedOn,
    ]),
  );
  addListSheet(
    book,
    WORKBOOK_SHEETS[3],
    { title: title(WORKBOOK_SHEETS[3]), period: `未办结（未退回）的问题；${asOfLine}`, unit: '—' },
    [
      { header: '问题编号', width: 10 },
      { header: '企业', width: 30 },
      { header: '类别', width: 10 },
      { header: '问题', width: 40 },
      { header: '状态', width: 12 },
      { header: '牵头单位', width: 18 },
      { header: '提出日期', width: 12 },
      { header: '办理期限', width: 12 },
      { header: '督办灯', width: 8 },
    ],
    lists.problems.map((p) => [
      p.id,
      p.enterpriseName,
      zh(`tickets.category.${p.category}`),
      p.title,
      zh(`tickets.state.${p.state}`),
      p.leadUnit,
      p.filedOn,
      p.dueDate,
      p.light === null ? null : zh(`tickets.light.${p.light}`),
    ]),
  );
  addListSheet(
    book,
    WORKBOOK_SHEETS[4],
    { title: title(WORKBOOK_SHEETS[4]), period: asOfLine, unit: '—' },
    [
      { header: '环节', width: 16 },
      { header: '企业名称', width: 30 },
      { header: '统一社会信用代码', width: 22 },
      { header: '所在地', width: 16 },
      { header: '主要产品', width: 30 },
      { header: '来源', width: 16 },
      { header: '备注', width: 30 },
      { header: '招商线索（项目编号）', width: 14 },
    ],
    targets.items.map((p) => [p.nodeName, p.name, p.uscc, p.location, p.products, p.source, p.note, p.projectId]),
  );
  addListSheet(
    book,
    WORKBOOK_SHEETS[5],
    { title: title(WORKBOOK_SHEETS[5]), period: asOfLine, unit: '—' },
    [
      { header: '环节', width: 16 },
      { header: '成果名称', width: 30 },
      { header: '持有单位', width: 24 },
      { header: '单位类型', width: 10 },
      { header: '技术领域', width: 16 },
      { header: '成熟度', width: 12 },
      { header: '联系人', width: 14 },
      { header: '转化状态', width: 10 },
    ],
    results.items.map((r) => [
      r.nodeName,
      r.title,
      r.holder,
      zh(`chains.lists.holderKind.${r.holderKind}`),
      r.field,
      zh(`chains.lists.maturity.${r.maturity}`),
      r.contact,
      zh(`chains.lists.transfer.${r.transferStatus}`),
    ]),
  );

  const mapSheet = book.addWorksheet(WORKBOOK_SHEETS[6]);
  mapSheet.addRow([title('产业链图谱（全景图）')]).font = { bold: true, size: 14 };
  mapSheet.addRow([`${periodLine}；颜色：红 缺链、紫 断链、橙 弱链、绿 强链`]);
  mapSheet.addRow(['单位：产值为亿元（1–当月累计）']);
  const image = renderMapPng(lists.map);
  // exceljs declares its own Buffer type; a Node Buffer is what it reads.
  const imageId = book.addImage({ buffer: image.png as unknown as ExcelJS.Buffer, extension: 'png' });
  mapSheet.addImage(imageId, { tl: { col: 0, row: 4 }, ext: { width: image.width, height: image.height } });
  return Buffer.from(await book.xlsx.writeBuffer());
}
