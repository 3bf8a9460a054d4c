import { Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { FiveListsResponse } from '../../../../shared/contracts/chain-five-lists';
import type { ChainDetail, ChainTarget } from '../../../../shared/contracts/chains';
import type { MajorProjectItem, ProjectListItem, ProjectState } from '../../../../shared/contracts/projects';
import type { TicketItem } from '../../../../shared/contracts/tickets';
import { DataTable, type DataColumn, type DataTableProps } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { LightTag } from '../../../components/light-tag';
import { paths } from '../../../config/paths';
import { formatAmount, formatPercent, fractionToPercent } from '../../../lib/format';
import { useLocale, useT, type Translate } from '../../../lib/i18n';
import type { Locale } from '../../../../shared/i18n/index';
import { useChainMap } from '../api/get-chain-map';
import { ChainMapTracking } from './chain-map-tracking';

type Props = { name: string; query: UseQueryResult<FiveListsResponse> };

/** A column of words, the same on screen and in the Excel file (a stage, a category, 是/否). */
function wordsColumn<T>(key: string, title: string, words: (row: T) => string): DataColumn<T> {
  return { key, title, excel: words, render: (_, row) => words(row) };
}

/** An amount: in 亿元/万元 on screen, in 元 in the Excel file (its header says so). */
function yuanColumn<T>(key: string, title: string, amount: (row: T) => number | null, locale: Locale): DataColumn<T> {
  return { key, title, excelTitle: `${title}(元)`, excel: amount, render: (_, row) => formatAmount(amount(row), locale) };
}

/** The first columns of a list of projects: the number, the name (opening the project) and the stage. */
function projectColumns<K extends string, T extends { name: string; stage: ProjectState } & Record<K, number>>(
  t: Translate,
  idKey: K,
): DataColumn<T>[] {
  return [
    { key: 'id', title: t('chains.five.projectId'), dataIndex: idKey, width: 90 },
    {
      key: 'name',
      title: t('chains.five.projectName'),
      excel: (p) => p.name,
      render: (_, p) => <Link to={paths.project.getHref(p[idKey])}>{p.name}</Link>,
    },
    wordsColumn<T>('stage', t('chains.five.stage'), (p) => t(`projects.stage.${p.stage}`)),
  ];
}

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

/** One of the lists read from the five-lists answer: its rule and as-of above a small table of its rows. */
function FiveListTable<T extends object>({
  list,
  name,
  params,
  query,
  ...table
}: {
  list: 'major' | 'investment' | 'problems';
  /** The chain's name, which the Excel file's name starts with. */
  name: string;
  /** The values its rule and empty text name (the year of the major list). */
  params?: Record<string, number>;
  query: UseQueryResult<FiveListsResponse>;
} & Pick<DataTableProps<T>, 'rows' | 'rowKey' | 'columns'>) {
  const t = useT();
  return (
    <>
      <AsOf query={query} rule={t(`chains.five.${list}Rule`, params)} />
      <DataTable<T>
        {...table}
        loading={query.isLoading}
        empty={t(`chains.five.${list}Empty`, params)}
        exportName={[name, t(`chains.five.${list}`)]}
        testId={`chain-five-${list}`}
        tableProps={{ size: 'small' }}
      />
    </>
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
          yuanColumn<ChainTarget>('output', t('chains.five.outputTarget'), (r) => r.outputTargetYuan, locale),
          {
            key: 'growth',
            title: t('chains.five.growthTarget'),
            excelTitle: `${t('chains.five.growthTarget')}(%)`,
            excel: (r) => fractionToPercent(r.growthTarget),
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
export function MajorList(props: Props) {
  const t = useT();
  const { locale } = useLocale();
  const year = props.query.data?.figures.year ?? 0;
  return (
    <FiveListTable<MajorProjectItem>
      list="major"
      params={{ year }}
      {...props}
      rows={props.query.data?.majorProjects ?? []}
      rowKey="projectId"
      columns={[
        ...projectColumns<'projectId', MajorProjectItem>(t, 'projectId'),
        ...(['plannedInvestment', 'annualPlan', 'completed', 'fundsArrived'] as const).map((field) =>
          yuanColumn<MajorProjectItem>(field, t(`chains.five.${field}`), (p) => p[field], locale),
        ),
        wordsColumn<MajorProjectItem>('new', t('chains.five.isNew'), (p) => t(p.isNew ? 'chains.five.yes' : 'chains.five.no')),
      ]}
    />
  );
}

/** 重点招商项目清单: the chain's projects at 线索, 在谈 or 签约. */
export function InvestmentList(props: Props) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <FiveListTable<ProjectListItem>
      list="investment"
      {...props}
      rows={props.query.data?.investmentProjects ?? []}
      columns={[
        ...projectColumns<'id', ProjectListItem>(t, 'id'),
        { key: 'node', title: t('chains.five.node'), dataIndex: 'nodeName' },
        { key: 'region', title: t('chains.five.region'), dataIndex: 'regionName' },
        { key: 'investor', title: t('chains.five.investor'), dataIndex: 'investorName' },
        yuanColumn<ProjectListItem>('signed', t('chains.five.signedAmount'), (p) => p.signedAmount, locale),
        yuanColumn<ProjectListItem>('planned', t('chains.five.plannedInvestment'), (p) => p.plannedInvestment, locale),
        { key: 'signedOn', title: t('chains.five.signedOn'), dataIndex: 'signedOn' },
      ]}
    />
  );
}

/** 重点问题清单: open tickets of the chain's firms. */
export function ProblemsList(props: Props) {
  const t = useT();
  return (
    <FiveListTable<TicketItem>
      list="problems"
      {...props}
      rows={props.query.data?.problems ?? []}
      columns={[
        { key: 'id', title: t('chains.five.problemId'), dataIndex: 'id', width: 90 },
        { key: 'enterprise', title: t('chains.five.enterprise'), dataIndex: 'enterpriseName' },
        wordsColumn<TicketItem>('category', t('chains.five.category'), (p) => t(`tickets.category.${p.category}`)),
        {
          key: 'title',
          title: t('chains.five.title'),
          excel: (p) => p.title,
          render: (_, p) => <Link to={paths.problem.getHref(p.id)}>{p.title}</Link>,
        },
        wordsColumn<TicketItem>('state', t('chains.five.state'), (p) => t(`tickets.state.${p.state}`)),
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
    />
  );
}
