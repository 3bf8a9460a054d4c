import { Descriptions, Table, Tag, Tooltip, Typography } from 'antd';
import type { ObjectResult, SchemeDefinition } from '../../../../shared/contracts/assessment';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { formatNumber } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { describeFigures, describeRule, explainIndicator } from './rule-text';

type Props = { rows: readonly ObjectResult[]; definition: SchemeDefinition; exportName: readonly string[]; testId: string };

/**
 * One ranking of a run: rank, object, each indicator's score (its method and source figures on hover,
 * and in full in the expanded row and the Excel file), bonus, deduction, veto and total.
 */
export function ResultsTable({ rows, definition, exportName, testId }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const columns: DataColumn<ObjectResult>[] = [
    { key: 'rank', title: t('assessment.col.rank'), dataIndex: 'rank', width: 60, align: 'right' },
    { key: 'name', title: t('assessment.col.object'), dataIndex: 'name', width: 150, excelWidth: 20 },
    ...definition.indicators.flatMap((indicator): DataColumn<ObjectResult>[] => {
      const of = (row: ObjectResult) => row.indicators.find((i) => i.code === indicator.code);
      return [
        {
          key: `score-${indicator.code}`,
          title: `${indicator.name}（${indicator.weight}）`,
          align: 'right',
          excel: (row) => of(row)?.score ?? null,
          render: (_, row) => {
            const result = of(row);
            if (!result) return '—';
            return (
              <Tooltip title={explainIndicator(result, t, locale)}>
                <span data-testid={`score-${row.code}-${indicator.code}`}>{formatNumber(result.score, locale)}</span>
              </Tooltip>
            );
          },
        },
        {
          key: `method-${indicator.code}`,
          title: `${indicator.name} ${t('assessment.col.method')}`,
          excelOnly: true,
          excelWidth: 50,
          excel: (row) => {
            const result = of(row);
            return result ? explainIndicator(result, t, locale) : null;
          },
        },
      ];
    }),
    { key: 'bonus', title: t('assessment.col.bonus'), dataIndex: 'bonus', align: 'right', width: 70 },
    { key: 'deduction', title: t('assessment.col.deduction'), dataIndex: 'deduction', align: 'right', width: 70 },
    {
      key: 'veto',
      title: t('assessment.col.veto'),
      width: 80,
      excel: (row) =>
        row.vetoed
          ? row.adjustments
              .filter((a) => a.kind === 'veto')
              .map((a) => `${a.name}：${a.evidence}`)
              .join('；')
          : null,
      render: (_, row) => (row.vetoed ? <Tag color="red">{t('assessment.vetoed')}</Tag> : '—'),
    },
    {
      key: 'total',
      title: t('assessment.col.total'),
      align: 'right',
      width: 80,
      excel: (row) => row.total,
      render: (_, row) => <Typography.Text strong>{formatNumber(row.total, locale)}</Typography.Text>,
    },
  ];
  return (
    <DataTable<ObjectResult>
      rows={rows}
      rowKey="code"
      columns={columns}
      exportName={exportName}
      empty={t('assessment.results.empty')}
      testId={testId}
      tableProps={{
        size: 'small',
        expandable: { expandedRowRender: (row) => <ResultDetail row={row} /> },
      }}
    />
  );
}

/** Every indicator of one object with its method, source figures and score, then its bonus, deduction and veto items. */
function ResultDetail({ row }: { row: ObjectResult }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={row.indicators}
        data-testid={`result-detail-${row.code}`}
        columns={[
          { key: 'group', title: t('assessment.col.group'), dataIndex: 'group', width: 100 },
          { key: 'name', title: t('assessment.col.indicator'), dataIndex: 'name', width: 180 },
          { key: 'weight', title: t('assessment.col.weight'), dataIndex: 'weight', align: 'right', width: 60 },
          {
            key: 'method',
            title: t('assessment.col.method'),
            width: '30%',
            render: (_, i) => describeRule(i.rule, i.weight, i.figures.unit, t, locale),
          },
          { key: 'figures', title: t('assessment.col.figures'), render: (_, i) => describeFigures(i.figures, t, locale) },
          { key: 'score', title: t('assessment.col.score'), align: 'right', width: 70, render: (_, i) => formatNumber(i.score, locale) },
        ]}
      />
      {row.adjustments.length > 0 ? (
        <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
          {row.adjustments.map((a) => (
            <Descriptions.Item key={a.code} label={`${t(`assessment.adjustment.${a.kind}`)} · ${a.name}`}>
              {a.kind === 'veto' ? '' : `${formatNumber(a.points, locale)} · `}
              {a.evidence}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
    </>
  );
}
