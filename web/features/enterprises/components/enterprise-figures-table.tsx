import { Button, Card, Select } from 'antd';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import type { EnterpriseDetailResponse, MonthlyFigureItem } from '../../../../shared/contracts/enterprises';
import { FIGURE_SOURCES } from '../../../../shared/contracts/figures';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { formatNumber, formatWan, formatWanKwhNumber, kwhToWanKwh, yuanToWanRounded } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';

type Props = { enterprise: EnterpriseDetailResponse; loading: boolean; onYearChange: (year: number) => void };
type MoneyKey = 'grossOutput' | 'revenue' | 'profit' | 'taxes';

/** 月度数据: one year of the firm's monthly reports, money in 万元, with a year picker and Excel export. */
export function EnterpriseFiguresTable({ enterprise, loading, onYearChange }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const { figures } = enterprise;
  const sourceLabel = (source: string) => {
    const known = FIGURE_SOURCES.find((s) => s === source);
    return known ? t(`enterprises.source.${known}`) : source;
  };
  const wan = (key: MoneyKey): DataColumn<MonthlyFigureItem> => ({
    key,
    title: t(`enterprises.figures.${key}`),
    excelTitle: `${t(`enterprises.figures.${key}`)}${t('enterprises.figures.unitWan')}`,
    align: 'right',
    excelWidth: 18,
    excel: (row) => yuanToWanRounded(row[key]),
    render: (_, row) => formatWan(row[key], locale),
  });

  return (
    <Card title={t('enterprises.detail.figures')} data-testid="enterprise-figures">
      <DataTable<MonthlyFigureItem>
        rows={figures.items}
        columns={[
          { key: 'period', title: t('enterprises.figures.period'), dataIndex: 'period', excelWidth: 10 },
          wan('grossOutput'),
          wan('revenue'),
          wan('profit'),
          wan('taxes'),
          {
            key: 'electricity',
            title: t('enterprises.figures.electricity'),
            align: 'right',
            excelWidth: 18,
            excel: (row) => kwhToWanKwh(row.electricityKwh),
            render: (_, row) => formatWanKwhNumber(row.electricityKwh, locale),
          },
          {
            key: 'employees',
            title: t('enterprises.figures.employees'),
            align: 'right',
            excelWidth: 14,
            excel: (row) => row.employees,
            render: (_, row) => formatNumber(row.employees, locale, 0),
          },
          { key: 'source', title: t('enterprises.figures.source'), excelWidth: 10, excel: (row) => sourceLabel(row.source) },
        ]}
        rowKey="period"
        loading={loading}
        exportName={`${enterprise.name}-${t('enterprises.detail.figures')}-${figures.year ?? ''}`}
        sheetName={`${t('enterprises.detail.figures')} ${figures.year ?? ''}`}
        exportHeading={{
          title: `${enterprise.name} ${t('enterprises.detail.figures')}`,
          period: figures.year === null ? null : t('figures.firm.yearPeriod', { year: figures.year }),
          unit: t('enterprises.figures.fileUnits'),
        }}
        empty={t('enterprises.detail.noFigures')}
        toolbar={{
          filters:
            figures.years.length > 0 ? (
              <Select
                aria-label={t('enterprises.detail.year')}
                data-testid="figures-year"
                style={{ minWidth: 110 }}
                value={figures.year ?? undefined}
                options={figures.years.map((year) => ({ value: year, label: `${year}` }))}
                onChange={(year: number) => onYearChange(year)}
              />
            ) : null,
          // Where a month is corrected and its revisions read (what a 预警 link usually leads to fix).
          actions: (
            <Link
              to={paths.figuresOfEnterprise.getHref(enterprise.uscc, figures.year ?? undefined)}
              data-testid="enterprise-figures-manage"
            >
              <Button>{t('enterprises.detail.figuresManage')}</Button>
            </Link>
          ),
        }}
        tableProps={{ size: 'small', scroll: { x: 'max-content' } }}
      />
    </Card>
  );
}
