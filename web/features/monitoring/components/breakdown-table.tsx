import { useState, type ReactNode } from 'react';
import { Segmented, Table, Tooltip, type TableColumnsType } from 'antd';
import type { MonitoringBreakdownResponse } from '../../../../shared/contracts/monitoring';
import type { MonitoringRange } from '../../../../shared/stats/period';
import { CodeName } from '../../../components/code-name';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import {
  formatDateStamp,
  formatFixed2,
  formatGrowth,
  formatNumber,
  formatPercent,
  formatPp,
  formatYiNumber,
  growthToPercent,
  kwhToWanKwh,
  roundPp,
  yuanToYi,
} from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { periodLabel, periodRangeLabel } from '../../../lib/period-labels';
import { FigureMeta } from './figure-meta';
import { PanelCard } from './panel-card';

export type GrowthRow = MonitoringBreakdownResponse['rows'][number];
const MEASURES = ['revenue', 'profit', 'taxes', 'electricityKwh'] as const;
type Measure = (typeof MEASURES)[number];
type ExportKey =
  'name' | 'output' | 'outputPrevYear' | 'yoy' | 'publishedYoy' | 'pp' | 'share' | 'firms' | Measure | `${Measure}Yoy` | 'employees';

type BreakdownTableProps = {
  title: ReactNode;
  /** Used in the Excel file and sheet name. */
  exportName: string;
  nameTitle: string;
  rows: GrowthRow[];
  loading: boolean;
  header: { period: string; range: MonitoringRange; asOf: string | null };
  testId: string;
  extra?: ReactNode;
  onOpen?: (row: GrowthRow) => void;
  /** Which rows open (all when not given). */
  canOpen?: (row: GrowthRow) => boolean;
};

/** The other measures of a row as Excel cells. */
function measureCells(row: GrowthRow): Record<Measure | `${Measure}Yoy` | 'employees', ExcelCell> {
  // Assertion: the loop below fills the amount and growth of every measure before the cells are read.
  const cells = { employees: row.measures.employees } as Record<Measure | `${Measure}Yoy` | 'employees', ExcelCell>;
  for (const measure of MEASURES) {
    cells[measure] = measureAmount(measure, row.measures[measure].value);
    cells[`${measure}Yoy`] = growthToPercent(row.measures[measure].yoy);
  }
  return cells;
}

/** 用电量 in 万千瓦时, money in 亿元. */
function measureAmount(measure: Measure, value: number): number {
  return measure === 'electricityKwh' ? kwhToWanKwh(value) : yuanToYi(value);
}

/**
 * Output, comparable growth, 拉动 and 贡献率 of the parts of a total, or (the 其他指标 view) their
 * 营业收入, 利润总额, 税金总额, 用电量 with comparable growth and 从业人员; Excel export has both.
 */
export function BreakdownTable({
  title,
  exportName,
  nameTitle,
  rows,
  loading,
  header,
  testId,
  extra,
  onOpen,
  canOpen,
}: BreakdownTableProps) {
  const t = useT();
  const { locale } = useLocale();
  const [view, setView] = useState<'output' | 'measures'>('output');
  const measureTitle = (measure: Measure) =>
    measure === 'electricityKwh'
      ? t('enterprises.figures.electricity')
      : `${t(`enterprises.figures.${measure}`)}（${t('monitoring.unitYi')}）`;
  const measureColumns: TableColumnsType<GrowthRow> = MEASURES.flatMap((measure) => [
    {
      key: measure,
      title: measureTitle(measure),
      align: 'right' as const,
      render: (_: unknown, row: GrowthRow) => formatFixed2(measureAmount(measure, row.measures[measure].value), locale),
    },
    {
      key: `${measure}Yoy`,
      title: t('monitoring.growth'),
      align: 'right' as const,
      render: (_: unknown, row: GrowthRow) => formatGrowth(row.measures[measure].yoy, locale),
    },
  ]);
  const nameColumn: TableColumnsType<GrowthRow>[number] = {
    key: 'name',
    title: nameTitle,
    render: (_, row) =>
      onOpen && (canOpen?.(row) ?? true) ? (
        <a onClick={() => onOpen(row)} data-testid={`${testId}-open-${row.code}`}>
          <CodeName code={row.code} name={row.name} />
        </a>
      ) : (
        <CodeName code={row.code} name={row.name} />
      ),
  };
  const outputColumns: TableColumnsType<GrowthRow> = [
    { key: 'output', title: t('monitoring.output'), align: 'right', render: (_, row) => formatYiNumber(row.output, locale) },
    { key: 'prev', title: t('monitoring.outputPrev'), align: 'right', render: (_, row) => formatYiNumber(row.outputPrevYear, locale) },
    { key: 'yoy', title: t('monitoring.growth'), align: 'right', render: (_, row) => formatGrowth(row.yoy, locale) },
    {
      key: 'published',
      title: <Tooltip title={t('monitoring.publishedYoyHint')}>{t('monitoring.publishedYoy')}</Tooltip>,
      align: 'right',
      render: (_, row) => <span style={{ color: 'rgba(0, 0, 0, 0.45)' }}>{formatGrowth(row.publishedYoy, locale)}</span>,
    },
    { key: 'pp', title: t('monitoring.contributionPp'), align: 'right', render: (_, row) => formatPp(row.contributionPp, locale) },
    {
      key: 'share',
      title: t('monitoring.contributionShare'),
      align: 'right',
      render: (_, row) => formatPercent(row.contributionShare, locale),
    },
  ];
  const firmsColumn: TableColumnsType<GrowthRow>[number] = {
    key: 'firms',
    title: t('monitoring.enterpriseCount'),
    align: 'right',
    dataIndex: 'enterpriseCount',
  };
  const employeesColumn: TableColumnsType<GrowthRow>[number] = {
    key: 'employees',
    title: <Tooltip title={t('monitoring.employeesHint')}>{t('enterprises.figures.employees')}</Tooltip>,
    align: 'right',
    render: (_, row) => formatNumber(row.measures.employees, locale, 0),
  };
  const columns =
    view === 'output' ? [nameColumn, ...outputColumns, firmsColumn] : [nameColumn, ...measureColumns, employeesColumn, firmsColumn];
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'name', title: nameTitle, width: 24 },
    { key: 'output', title: t('monitoring.output') },
    { key: 'outputPrevYear', title: t('monitoring.outputPrev') },
    { key: 'yoy', title: `${t('monitoring.growth')} (%)` },
    { key: 'publishedYoy', title: `${t('monitoring.publishedYoy')} (%)` },
    { key: 'pp', title: t('monitoring.contributionPp') },
    { key: 'share', title: `${t('monitoring.contributionShare')} (%)` },
    { key: 'firms', title: t('monitoring.enterpriseCount') },
    ...MEASURES.flatMap((measure): ExcelColumn<ExportKey>[] => [
      { key: measure, title: measureTitle(measure) },
      {
        key: `${measure}Yoy`,
        title: `${t(`enterprises.figures.${measure === 'electricityKwh' ? 'electricity' : measure}`)} ${t('monitoring.growth')} (%)`,
      },
    ]),
    { key: 'employees', title: t('enterprises.figures.employees') },
  ];
  const exportRows = rows.map((row): Record<ExportKey, ExcelCell> => ({
    name: row.name,
    output: yuanToYi(row.output),
    outputPrevYear: yuanToYi(row.outputPrevYear),
    yoy: growthToPercent(row.yoy),
    publishedYoy: growthToPercent(row.publishedYoy),
    pp: roundPp(row.contributionPp),
    share: growthToPercent(row.contributionShare),
    firms: row.enterpriseCount,
    ...measureCells(row),
  }));
  const label = periodLabel(t, header.period, header.range);
  return (
    <PanelCard
      title={title}
      tools={
        <>
          {extra}
          <Segmented<'output' | 'measures'>
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'output', label: t('monitoring.view.output') },
              { value: 'measures', label: t('monitoring.view.measures') },
            ]}
            data-testid={`${testId}-view`}
          />
          <ExportExcelButton
            fileName={`${exportName}-${label}-${formatDateStamp()}`}
            sheetName={exportName}
            title={typeof title === 'string' ? title : exportName}
            period={periodRangeLabel(t, header.period, header.range)}
            unit={t('monitoring.measuresUnit')}
            columns={exportColumns}
            rows={exportRows}
            disabled={rows.length === 0}
          />
        </>
      }
    >
      <Table<GrowthRow>
        rowKey="code"
        size="small"
        data-testid={testId}
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
      />
      <FigureMeta
        period={header.period}
        range={header.range}
        unit={view === 'output' ? t('monitoring.unitYi') : t('monitoring.measuresUnit')}
        asOf={header.asOf}
      />
    </PanelCard>
  );
}
