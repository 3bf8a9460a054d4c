import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Space, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { MONTH_FIELDS, type FigureField, type MonthlyFigureItem } from '../../../../shared/contracts/figures';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { capitalize } from '../utils/amounts';
import { useEnterpriseFigures } from '../api/get-enterprise-figures';
import { FigureFormDrawer } from './figure-form-drawer';
import { StaleDerivedAlert } from './stale-derived-alert';
import { useFigureText } from '../hooks/use-figure-text';

type Editing = { month: MonthlyFigureItem | null } | null;
const SHOWN: readonly FigureField[] = [...MONTH_FIELDS, 'prevYearGrossOutput'];

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
  // As on the firm's page: 万元 and 万千瓦时 on screen; the Excel file keeps the stored 元 and kWh, exact.
  const unitOf = (f: FigureField) =>
    f === 'electricityKwh' ? t('figures.unit.wanKwh') : f === 'employees' ? t('figures.unit.persons') : t('figures.unit.wan');

  const unitInFile = (f: FigureField) =>
    f === 'electricityKwh' ? 'kWh' : f === 'employees' ? t('figures.unit.persons') : t('figures.unit.yuan');
  const fieldTitle = (f: FigureField, unit: string) => `${capitalize(t(`figures.field.${f}`))} (${unit})`;

  return (
    <Card title={data ? t('figures.firm.title', { name: data.name }) : uscc}>
      <DataTable<MonthlyFigureItem>
        query={figures}
        toolbar={{
          filters: (
            <>
              <Link to={paths.enterprise.getHref(uscc)}>{uscc}</Link>
              <Select<number>
                value={data?.year}
                options={years.map((y) => ({ value: y, label: y }))}
                onChange={(y) => setSearch({ year: String(y) })}
                style={{ width: 100 }}
                aria-label={t('figures.firm.year')}
              />
            </>
          ),
          add: data?.canEdit ? { label: t('figures.firm.add'), onClick: () => setEditing({ month: null }), testId: 'figures-add' } : null,
        }}
        aboveTable={
          <Flex vertical gap={12} style={{ marginBottom: 12 }}>
            {data && !data.canEdit ? <Alert type="info" showIcon title={t('figures.firm.readOnly')} /> : null}
            {data ? <StaleDerivedAlert uscc={data.uscc} name={data.name} items={data.staleDerived} canEdit={data.canEdit} /> : null}
            <Typography.Text type="secondary">{t('figures.firm.units')}</Typography.Text>
          </Flex>
        }
        columns={[
          {
            key: 'period',
            title: t('figures.firm.period'),
            dataIndex: 'period',
            excelWidth: 10,
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
          ...SHOWN.map((f): DataColumn<MonthlyFigureItem> => ({
            key: f,
            title: fieldTitle(f, unitOf(f)),
            excelTitle: fieldTitle(f, unitInFile(f)),
            align: 'right',
            excelWidth: 18,
            excel: (m) => m[f],
            render: (_, m) => text(f, m[f]),
          })),
          { key: 'source', title: t('figures.firm.source'), excelWidth: 12, excel: (m) => t(`figures.source.${m.source}`) },
          { key: 'updatedAt', title: t('figures.firm.updatedAt'), excelWidth: 18, excel: (m) => formatDateTime(m.updatedAt) },
          { key: 'revisions', title: t('figures.firm.revisions'), align: 'right', dataIndex: 'revisionCount', excelWidth: 8 },
        ]}
        rowKey="period"
        testId="figures-table"
        exportName={[data?.name ?? uscc, String(data?.year ?? '')]}
        exportHeading={{
          title: data ? t('figures.firm.title', { name: data.name }) : uscc,
          period: data ? t('figures.firm.yearPeriod', { year: data.year }) : null,
          unit: t('figures.firm.fileUnits'),
        }}
        sheetName={String(data?.year ?? t('figures.title'))}
        empty={t('figures.firm.empty')}
        tableProps={{ size: 'small', scroll: { x: 'max-content' } }}
      />
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
