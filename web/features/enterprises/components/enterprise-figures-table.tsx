import { Button, Card, Select, Space, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import type { EnterpriseDetailResponse, MonthlyFigureItem } from '../../../../shared/contracts/enterprises';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { formatDateStamp, formatNumber, formatWan, yuanToWan } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { roundWan } from '../utils/enterprise-text';

type Props = { enterprise: EnterpriseDetailResponse; loading: boolean; onYearChange: (year: number) => void };
type ExportKey = 'period' | 'grossOutput' | 'revenue' | 'profit' | 'taxes' | 'electricity' | 'employees' | 'source';
type MoneyKey = 'grossOutput' | 'revenue' | 'profit' | 'taxes';

const SOURCES = ['demo', 'import', 'manual', 'enterprise'] as const;

/** 月度数据: one year of the firm's monthly reports, money in 万元, with a year picker and Excel export. */
export function EnterpriseFiguresTable({ enterprise, loading, onYearChange }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const { figures } = enterprise;
  const sourceLabel = (source: string) => {
    const known = SOURCES.find((s) => s === source);
    return known ? t(`enterprises.source.${known}`) : source;
  };
  const money = (key: MoneyKey) => ({
    key,
    title: t(`enterprises.figures.${key}`),
    align: 'right' as const,
    render: (_: unknown, row: MonthlyFigureItem) => formatWan(row[key], locale),
  });

  const columns: TableColumnsType<MonthlyFigureItem> = [
    { key: 'period', title: t('enterprises.figures.period'), dataIndex: 'period' },
    money('grossOutput'),
    money('revenue'),
    money('profit'),
    money('taxes'),
    {
      key: 'electricity',
      title: t('enterprises.figures.electricity'),
      align: 'right',
      render: (_, row) => formatNumber(yuanToWan(row.electricityKwh), locale),
    },
    {
      key: 'employees',
      title: t('enterprises.figures.employees'),
      align: 'right',
      render: (_, row) => formatNumber(row.employees, locale, 0),
    },
    { key: 'source', title: t('enterprises.figures.source'), render: (_, row) => sourceLabel(row.source) },
  ];

  const wanTitle = (key: MoneyKey) => `${t(`enterprises.figures.${key}`)}${t('enterprises.figures.unitWan')}`;
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'period', title: t('enterprises.figures.period'), width: 10 },
    { key: 'grossOutput', title: wanTitle('grossOutput'), width: 18 },
    { key: 'revenue', title: wanTitle('revenue'), width: 18 },
    { key: 'profit', title: wanTitle('profit'), width: 18 },
    { key: 'taxes', title: wanTitle('taxes'), width: 18 },
    { key: 'electricity', title: t('enterprises.figures.electricity'), width: 18 },
    { key: 'employees', title: t('enterprises.figures.employees'), width: 14 },
    { key: 'source', title: t('enterprises.figures.source'), width: 10 },
  ];
  const exportRows = figures.items.map((row): Record<ExportKey, ExcelCell> => ({
    period: row.period,
    grossOutput: roundWan(row.grossOutput),
    revenue: roundWan(row.revenue),
    profit: roundWan(row.profit),
    taxes: roundWan(row.taxes),
    electricity: roundWan(row.electricityKwh),
    employees: row.employees,
    source: sourceLabel(row.source),
  }));

  return (
    <Card
      title={t('enterprises.detail.figures')}
      data-testid="enterprise-figures"
      extra={
        <Space>
          {figures.years.length > 0 ? (
            <Select
              aria-label={t('enterprises.detail.year')}
              data-testid="figures-year"
              style={{ minWidth: 110 }}
              value={figures.year ?? undefined}
              options={figures.years.map((year) => ({ value: year, label: `${year}` }))}
              onChange={(year: number) => onYearChange(year)}
            />
          ) : null}
          {/* Where a month is corrected and its revisions read (what a 预警 link usually leads to fix). */}
          <Link to={paths.figuresOfEnterprise.getHref(enterprise.uscc, figures.year ?? undefined)} data-testid="enterprise-figures-manage">
            <Button size="small">{t('enterprises.detail.figuresManage')}</Button>
          </Link>
          <ExportExcelButton
            fileName={`${enterprise.name}-${t('enterprises.detail.figures')}-${figures.year ?? ''}-${formatDateStamp()}`}
            sheetName={`${t('enterprises.detail.figures')} ${figures.year ?? ''}`}
            columns={exportColumns}
            rows={exportRows}
          />
        </Space>
      }
    >
      <Table<MonthlyFigureItem>
        rowKey="period"
        size="small"
        columns={columns}
        dataSource={figures.items}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('enterprises.detail.noFigures') }}
      />
    </Card>
  );
}
