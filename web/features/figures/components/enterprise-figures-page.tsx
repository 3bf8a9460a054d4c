import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { MONTH_FIELDS, type FigureField, type MonthlyFigureItem } from '../../../../shared/contracts/figures';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { paths } from '../../../config/paths';
import { formatDateStamp, formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { capitalize } from '../utils/amounts';
import { useEnterpriseFigures } from '../api/get-enterprise-figures';
import { FigureFormDrawer } from './figure-form-drawer';
import { StaleDerivedAlert } from './stale-derived-alert';
import { useFigureText } from '../hooks/use-figure-text';

type Editing = { month: MonthlyFigureItem | null } | null;
const SHOWN: readonly FigureField[] = [...MONTH_FIELDS, 'prevYearGrossOutput'];
type ExportKey = 'period' | FigureField | 'source' | 'updatedAt' | 'revisionCount';

/** The month the user most likely reports next: last month, in Beijing time. */
function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const month = now.getUTCMonth() === 0 ? 12 : now.getUTCMonth();
  const year = now.getUTCMonth() === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** 企业月度数据: a firm's months of a year with source, last change and revisions; entry and correction in a drawer. */
export function EnterpriseFiguresPage() {
  const t = useT();
  const text = useFigureText();
  const { uscc = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const yearParam = Number(search.get('year'));
  const figures = useEnterpriseFigures(uscc, Number.isInteger(yearParam) && yearParam > 2000 ? yearParam : undefined);
  const [editing, setEditing] = useState<Editing>(null);
  const data = figures.data;
  const thisYear = Number(lastMonth().slice(0, 4));
  const years = [...new Set([thisYear, ...(data?.years ?? []), ...(data ? [data.year] : [])])].sort((a, b) => b - a);
  const unitOf = (f: FigureField) => (f === 'electricityKwh' ? 'kWh' : f === 'employees' ? t('figures.unit.persons') : '万元');

  const columns: TableColumnsType<MonthlyFigureItem> = [
    {
      key: 'period',
      title: t('figures.firm.period'),
      render: (_, m) => (
        <Space size={4}>
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => setEditing({ month: m })}
            data-testid={`figures-open-${m.period}`}
          >
            {m.period}
          </Button>
          {m.janFebCombined ? <Tag color="blue">{t('figures.firm.combined')}</Tag> : null}
        </Space>
      ),
    },
    ...SHOWN.map((f): TableColumnsType<MonthlyFigureItem>[number] => ({
      key: f,
      title: `${capitalize(t(`figures.field.${f}`))} (${unitOf(f)})`,
      align: 'right',
      render: (_, m) => text(f, m[f]),
    })),
    { key: 'source', title: t('figures.firm.source'), render: (_, m) => t(`figures.source.${m.source}`) },
    { key: 'updatedAt', title: t('figures.firm.updatedAt'), render: (_, m) => formatDateTime(m.updatedAt) },
    { key: 'revisions', title: t('figures.firm.revisions'), align: 'right', dataIndex: 'revisionCount' },
  ];
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'period', title: t('figures.firm.period'), width: 10 },
    ...SHOWN.map((f) => ({
      key: f,
      title: `${capitalize(t(`figures.field.${f}`))} (${f === 'electricityKwh' ? 'kWh' : f === 'employees' ? t('figures.unit.persons') : t('figures.unit.yuan')})`,
      width: 18,
    })),
    { key: 'source', title: t('figures.firm.source'), width: 12 },
    { key: 'updatedAt', title: t('figures.firm.updatedAt'), width: 18 },
    { key: 'revisionCount', title: t('figures.firm.revisions'), width: 8 },
  ];
  const exportRows = (data?.items ?? []).map((m) => {
    const row: Record<ExportKey, ExcelCell> = {
      period: m.period,
      source: t(`figures.source.${m.source}`),
      updatedAt: formatDateTime(m.updatedAt),
      revisionCount: m.revisionCount,
      ...emptyFields(),
    };
    for (const f of SHOWN) row[f] = m[f];
    return row;
  });

  return (
    <Card
      title={data ? t('figures.firm.title', { name: data.name }) : uscc}
      extra={
        <Space wrap>
          <Link to={paths.enterprise.getHref(uscc)}>{uscc}</Link>
          <Select<number>
            value={data?.year}
            options={years.map((y) => ({ value: y, label: y }))}
            onChange={(y) => setSearch({ year: String(y) })}
            style={{ width: 100 }}
            aria-label={t('figures.firm.year')}
          />
          {data?.canEdit ? (
            <Button type="primary" onClick={() => setEditing({ month: null })} data-testid="figures-add">
              {t('figures.firm.add')}
            </Button>
          ) : null}
          <ExportExcelButton
            fileName={`${data?.name ?? uscc}-${data?.year ?? ''}-${formatDateStamp()}`}
            sheetName={String(data?.year ?? t('figures.title'))}
            columns={exportColumns}
            rows={exportRows}
          />
        </Space>
      }
    >
      <Flex vertical gap={12}>
        {figures.error ? <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} /> : null}
        {data && !data.canEdit ? <Alert type="info" showIcon title={t('figures.firm.readOnly')} /> : null}
        {data ? <StaleDerivedAlert uscc={data.uscc} name={data.name} items={data.staleDerived} canEdit={data.canEdit} /> : null}
        <Typography.Text type="secondary">{t('figures.firm.units')}</Typography.Text>
        <Table<MonthlyFigureItem>
          rowKey="period"
          size="small"
          data-testid="figures-table"
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={data?.items ?? []}
          loading={figures.isFetching}
          pagination={false}
          locale={{ emptyText: t('figures.firm.empty') }}
        />
      </Flex>
      {editing ? (
        <FigureFormDrawer
          uscc={uscc}
          month={editing.month}
          canEdit={data?.canEdit ?? false}
          defaultPeriod={data && data.year !== thisYear ? `${data.year}-12` : lastMonth()}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

function emptyFields(): Record<FigureField, ExcelCell> {
  return {
    grossOutput: null,
    revenue: null,
    profit: null,
    taxes: null,
    electricityKwh: null,
    employees: null,
    prevYearGrossOutput: null,
    prevYearRevenue: null,
    prevYearProfit: null,
    prevYearTaxes: null,
  };
}
