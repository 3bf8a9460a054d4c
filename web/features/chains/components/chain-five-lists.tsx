import { Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { FiveListsResponse } from '../../../../shared/contracts/chain-five-lists';
import type { ChainDetail, ChainTarget } from '../../../../shared/contracts/chains';
import type { MajorProjectItem, ProjectListItem } from '../../../../shared/contracts/projects';
import type { TicketItem } from '../../../../shared/contracts/tickets';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { LightTag } from '../../../components/light-tag';
import { paths } from '../../../config/paths';
import { formatAmount, formatPercent } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useChainMap } from '../api/get-chain-map';
import { ChainMapTracking } from './chain-map-tracking';

type Props = { name: string; query: UseQueryResult<FiveListsResponse> };

/** The rule of the list with its period and as-of, or the failure to load it (with 重试). */
function AsOf({ query, rule }: { query: UseQueryResult<FiveListsResponse>; rule: string }) {
  const t = useT();
  const data = query.data;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!data) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
      {rule}
      {t('chains.five.asOf', { period: data.period, asOf: data.asOf })}
    </Typography.Paragraph>
  );
}

/** 发展目标清单: the chain's yearly targets, and the tracking of the map's month (the map card's answer). */
export function TargetsList({ chain, period }: { chain: ChainDetail; period: string | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const map = useChainMap(chain.code, period);
  const name = chain.name;
  return (
    <>
      {map.data ? <ChainMapTracking tracking={map.data.tracking} period={map.data.period} /> : null}
      <DataTable<ChainTarget>
        rows={chain.targets}
        rowKey="year"
        empty={t('chains.five.targetsEmpty')}
        columns={[
          { key: 'year', title: t('chains.five.year'), dataIndex: 'year', width: 100 },
          {
            key: 'output',
            title: t('chains.five.outputTarget'),
            excelTitle: `${t('chains.five.outputTarget')}(元)`,
            excel: (r) => r.outputTargetYuan,
            render: (_, r) => formatAmount(r.outputTargetYuan, locale),
          },
          {
            key: 'growth',
            title: t('chains.five.growthTarget'),
            excelTitle: `${t('chains.five.growthTarget')}(%)`,
            excel: (r) => (r.growthTarget === null ? null : Math.round(r.growthTarget * 10_000) / 100),
            render: (_, r) => formatPercent(r.growthTarget, locale),
          },
        ]}
        exportName={[name, t('chains.five.targets')]}
        testId="chain-five-targets"
        tableProps={{ size: 'small' }}
      />
    </>
  );
}

/** 在建重大项目清单: the chain's projects on the year's major list at 开工. */
export function MajorList({ name, query }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const data = query.data;
  const year = data?.figures.year ?? 0;
  return (
    <>
      <AsOf query={query} rule={t('chains.five.majorRule', { year })} />
      <DataTable<MajorProjectItem>
        rows={query.data?.majorProjects ?? []}
        loading={query.isLoading}
        rowKey="projectId"
        empty={t('chains.five.majorEmpty', { year })}
        columns={[
          { key: 'id', title: t('chains.five.projectId'), dataIndex: 'projectId', width: 90 },
          {
            key: 'name',
            title: t('chains.five.projectName'),
            excel: (p) => p.name,
            render: (_, p) => <Link to={paths.project.getHref(p.projectId)}>{p.name}</Link>,
          },
          {
            key: 'stage',
            title: t('chains.five.stage'),
            excel: (p) => t(`projects.stage.${p.stage}`),
            render: (_, p) => t(`projects.stage.${p.stage}`),
          },
          ...(['plannedInvestment', 'annualPlan', 'completed', 'fundsArrived'] as const).map((field) => ({
            key: field,
            title: t(`chains.five.${field}`),
            excelTitle: `${t(`chains.five.${field}`)}(元)`,
            excel: (p: MajorProjectItem) => p[field],
            render: (_: unknown, p: MajorProjectItem) => formatAmount(p[field], locale),
          })),
          {
            key: 'new',
            title: t('chains.five.isNew'),
            excel: (p) => t(p.isNew ? 'chains.five.yes' : 'chains.five.no'),
            render: (_, p) => t(p.isNew ? 'chains.five.yes' : 'chains.five.no'),
          },
        ]}
        exportName={[name, t('chains.five.major')]}
        testId="chain-five-major"
        tableProps={{ size: 'small' }}
      />
    </>
  );
}

/** 重点招商项目清单: the chain's projects at 线索, 在谈 or 签约. */
export function InvestmentList({ name, query }: Props) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <AsOf query={query} rule={t('chains.five.investmentRule')} />
      <DataTable<ProjectListItem>
        rows={query.data?.investmentProjects ?? []}
        loading={query.isLoading}
        empty={t('chains.five.investmentEmpty')}
        columns={[
          { key: 'id', title: t('chains.five.projectId'), dataIndex: 'id', width: 90 },
          {
            key: 'name',
            title: t('chains.five.projectName'),
            excel: (p) => p.name,
            render: (_, p) => <Link to={paths.project.getHref(p.id)}>{p.name}</Link>,
          },
          {
            key: 'stage',
            title: t('chains.five.stage'),
            excel: (p) => t(`projects.stage.${p.stage}`),
            render: (_, p) => t(`projects.stage.${p.stage}`),
          },
          { key: 'node', title: t('chains.five.node'), dataIndex: 'nodeName' },
          { key: 'region', title: t('chains.five.region'), dataIndex: 'regionName' },
          { key: 'investor', title: t('chains.five.investor'), dataIndex: 'investorName' },
          {
            key: 'signed',
            title: t('chains.five.signedAmount'),
            excelTitle: `${t('chains.five.signedAmount')}(元)`,
            excel: (p) => p.signedAmount,
            render: (_, p) => formatAmount(p.signedAmount, locale),
          },
          {
            key: 'planned',
            title: t('chains.five.plannedInvestment'),
            excelTitle: `${t('chains.five.plannedInvestment')}(元)`,
            excel: (p) => p.plannedInvestment,
            render: (_, p) => formatAmount(p.plannedInvestment, locale),
          },
          { key: 'signedOn', title: t('chains.five.signedOn'), dataIndex: 'signedOn' },
        ]}
        exportName={[name, t('chains.five.investment')]}
        testId="chain-five-investment"
        tableProps={{ size: 'small' }}
      />
    </>
  );
}

/** 重点问题清单: open tickets of the chain's firms. */
export function ProblemsList({ name, query }: Props) {
  const t = useT();
  return (
    <>
      <AsOf query={query} rule={t('chains.five.problemsRule')} />
      <DataTable<TicketItem>
        rows={query.data?.problems ?? []}
        loading={query.isLoading}
        empty={t('chains.five.problemsEmpty')}
        columns={[
          { key: 'id', title: t('chains.five.problemId'), dataIndex: 'id', width: 90 },
          { key: 'enterprise', title: t('chains.five.enterprise'), dataIndex: 'enterpriseName' },
          {
            key: 'category',
            title: t('chains.five.category'),
            excel: (p) => t(`tickets.category.${p.category}`),
            render: (_, p) => t(`tickets.category.${p.category}`),
          },
          {
            key: 'title',
            title: t('chains.five.title'),
            excel: (p) => p.title,
            render: (_, p) => <Link to={paths.problem.getHref(p.id)}>{p.title}</Link>,
          },
          {
            key: 'state',
            title: t('chains.five.state'),
            excel: (p) => t(`tickets.state.${p.state}`),
            render: (_, p) => t(`tickets.state.${p.state}`),
          },
          { key: 'lead', title: t('chains.five.leadUnit'), dataIndex: 'leadUnit' },
          { key: 'filed', title: t('chains.five.filedOn'), dataIndex: 'filedOn', width: 110 },
          { key: 'due', title: t('chains.five.due'), dataIndex: 'dueDate', width: 110 },
          {
            key: 'light',
            title: t('chains.five.light'),
            excel: (p) => (p.light === null ? null : t(`tickets.light.${p.light}`)),
            render: (_, p) => <LightTag light={p.light} />,
          },
        ]}
        exportName={[name, t('chains.five.problems')]}
        testId="chain-five-problems"
        tableProps={{ size: 'small' }}
      />
    </>
  );
}
