import { Card, Flex, Select, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { HEALTH_COMPONENTS } from '../../../../shared/contracts/chain-map';
import { DataTable } from '../../../components/data-table';
import { paths } from '../../../config/paths';
import { usePickableMonths } from '../../../hooks/use-pickable-months';
import type { Locale } from '../../../../shared/i18n/index';
import { formatFixed } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useChainHealth } from '../api/get-chain-health';
import { outputColumns } from '../utils/figure-columns';

type HealthItem = NonNullable<ReturnType<typeof useChainHealth>['data']>['items'][number];

/**
 * 产业链健康指数: the chains the user may see ranked by their health index for a published month, with
 * the formula and each component (its value 0–1 and weight) beside the score.
 */
export function ChainHealthPage() {
  const t = useT();
  const { locale } = useLocale();
  const [searchParams, setSearchParams] = useSearchParams();
  const period = searchParams.get('period') ?? undefined;
  const health = useChainHealth({ period });
  const months = usePickableMonths(24, health.data?.period);
  const shownPeriod = health.data?.period;

  return (
    <Card
      title={t('chains.health.title')}
      extra={
        <Space>
          <Link to={paths.chains.getHref()}>← {t('chains.back')}</Link>
          <span>{t('chains.gapMap.period')}</span>
          <Select<string>
            aria-label={t('chains.gapMap.period')}
            value={shownPeriod}
            style={{ width: 130 }}
            loading={months.isPending}
            onOpenChange={months.onOpenChange}
            options={months.months.filter((m) => m.status === 'published' || m.value === shownPeriod)}
            onChange={(next) => setSearchParams({ period: next }, { replace: true })}
          />
        </Space>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Paragraph data-testid="chain-health-formula">{t('chains.health.formula')}</Typography.Paragraph>
        {health.data ? (
          <Typography.Paragraph type="secondary">
            {t('chains.health.period', { period: health.data.period, status: t(`periods.status.${health.data.figures.status}`) })}
          </Typography.Paragraph>
        ) : null}
        <DataTable<HealthItem>
          query={health}
          rowKey="code"
          testId="chain-health-table"
          exportName={[t('chains.health.title'), shownPeriod ?? '']}
          empty={t('chains.health.empty')}
          columns={[
            { key: 'rank', title: t('chains.health.rank'), dataIndex: 'rank', width: 70, align: 'right' },
            {
              key: 'name',
              title: t('chains.name'),
              dataIndex: 'name',
              href: (row) => paths.chain.getHref(row.code),
              render: (_, row) => <Link to={paths.chain.getHref(row.code)}>{row.name}</Link>,
              excelWidth: 28,
            },
            {
              key: 'score',
              title: t('chains.health.score'),
              dataIndex: 'score',
              align: 'right',
              render: (_, row) => <strong>{formatFixed(row.score, locale, 1)}</strong>,
            },
            ...HEALTH_COMPONENTS.map((name) => ({
              key: name,
              title: t(`chains.health.component.${name}`),
              align: 'right' as const,
              render: (_: unknown, row: HealthItem) => componentText(row, name, locale),
              excel: (row: HealthItem) => row.components.find((c) => c.name === name)?.value ?? null,
            })),
            {
              key: 'gaps',
              title: t('chains.health.gaps'),
              align: 'right',
              render: (_, row) => `${row.gapCount}/${row.nodeCount}`,
              excel: (row) => row.gapCount,
            },
            ...outputColumns<HealthItem>(t, locale, false),
          ]}
        />
      </Flex>
    </Card>
  );
}

/** A component as "value × weight", e.g. "0.75 × 0.30". */
function componentText(row: HealthItem, name: (typeof HEALTH_COMPONENTS)[number], locale: Locale): string {
  const component = row.components.find((c) => c.name === name);
  return component === undefined ? '' : `${formatFixed(component.value, locale, 2)} × ${formatFixed(component.weight, locale, 2)}`;
}
