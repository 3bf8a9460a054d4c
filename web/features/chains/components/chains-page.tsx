import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { ChainListItem } from '../../../../shared/contracts/chains';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { paths } from '../../../config/paths';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useChains } from '../../../hooks/use-chains';
import { matchesChain } from '../utils/chain-filter';
import { currentYear, readYear } from '../../../lib/current-year';
import { ChainFormModal } from './chain-form-modal';

type ExportKey = 'code' | 'name' | 'industry' | 'group' | 'nodeCount' | 'enterpriseCount' | 'aboveScaleCount' | 'chief' | 'office';

/** Years offered by the picker: the first chain list (2022) to next year. */
function yearOptions(): number[] {
  const last = currentYear() + 1;
  return Array.from({ length: last - 2022 + 1 }, (_, i) => last - i);
}

/** 产业链: the chains on a year's list (2022 had 14, since 2023 15) with node and firm counts. */
export function ChainsPage() {
  const t = useT();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  const scoped = me.data ? !['admin', 'leader', 'department', 'park', 'county'].includes(me.data.user.role) : false;
  const [searchParams, setSearchParams] = useSearchParams();
  const year = readYear(searchParams.get('year'));
  const chains = useChains(year);
  const [creating, setCreating] = useState(false);
  const q = (searchParams.get('q') ?? '').trim();
  const industry = searchParams.get('industry') || undefined;
  const all = chains.data?.items ?? [];
  // A year's list is short (15 chains), so search and filter work on the loaded list.
  const rows = all.filter((chain) => matchesChain(chain, q, industry));
  const filtered = q !== '' || industry !== undefined;
  const industries = [...new Map(all.map((c) => [c.industryCode, `${c.industryGroup} · ${c.industryName}`])).entries()];

  /** Sets (or with an empty value removes) one address parameter; the current year is the default. */
  const setParam = (key: 'year' | 'q' | 'industry', value: string | undefined) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (value === undefined || value === '' || (key === 'year' && value === String(currentYear()))) params.delete(key);
        else params.set(key, value);
        return params;
      },
      { replace: true },
    );
  const setYear = (next: number) => setParam('year', String(next));

  const columns: TableColumnsType<ChainListItem> = [
    { key: 'code', title: t('chains.code'), dataIndex: 'code', width: 90 },
    {
      key: 'name',
      title: t('chains.name'),
      render: (_, chain) => <Link to={paths.chain.getHref(chain.code, year === currentYear() ? undefined : year)}>{chain.name}</Link>,
    },
    {
      key: 'industry',
      title: t('chains.industry'),
      render: (_, chain) => (
        <Space size={4}>
          <Tag>{chain.industryGroup}</Tag>
          {chain.industryName}
        </Space>
      ),
    },
    { key: 'nodeCount', title: t('chains.nodeCount'), dataIndex: 'nodeCount', align: 'right', width: 100 },
    { key: 'enterpriseCount', title: t('chains.enterpriseCount'), dataIndex: 'enterpriseCount', align: 'right', width: 100 },
    { key: 'aboveScaleCount', title: t('chains.aboveScaleCount'), dataIndex: 'aboveScaleCount', align: 'right', width: 120 },
    { key: 'chief', title: t('chains.chief'), render: (_, chain) => chain.chiefTitle ?? '—' },
  ];

  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'code', title: t('chains.code'), width: 10 },
    { key: 'name', title: t('chains.name'), width: 28 },
    { key: 'industry', title: t('chains.industry'), width: 20 },
    { key: 'group', title: t('chains.industryGroup'), width: 8 },
    { key: 'nodeCount', title: t('chains.nodeCount'), width: 10 },
    { key: 'enterpriseCount', title: t('chains.enterpriseCount'), width: 10 },
    { key: 'aboveScaleCount', title: `${t('chains.aboveScaleCount')} (${year})`, width: 14 },
    { key: 'chief', title: t('chains.chief'), width: 24 },
    { key: 'office', title: t('chains.office'), width: 24 },
  ];
  const exportRows = rows.map((chain): Record<ExportKey, ExcelCell> => ({
    code: chain.code,
    name: chain.name,
    industry: chain.industryName,
    group: chain.industryGroup,
    nodeCount: chain.nodeCount,
    enterpriseCount: chain.enterpriseCount,
    aboveScaleCount: chain.aboveScaleCount,
    chief: chain.chiefTitle,
    office: chain.office,
  }));

  return (
    <Card title={t('chains.title')}>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{t('chains.year')}</span>
          <Select<number>
            value={year}
            style={{ width: 110 }}
            data-testid="chains-year"
            options={yearOptions().map((y) => ({ value: y, label: String(y) }))}
            onChange={setYear}
          />
          <Input.Search
            allowClear
            // Follows the address: a menu click back to the bare list clears the box too.
            key={q}
            defaultValue={q}
            placeholder={t('chains.searchPlaceholder')}
            style={{ width: 220 }}
            data-testid="chains-search"
            onSearch={(value) => setParam('q', value.trim())}
          />
          <Select<string>
            allowClear
            value={industry}
            placeholder={t('chains.filter.industry')}
            style={{ width: 200 }}
            data-testid="chains-industry"
            options={industries.map(([value, label]) => ({ value, label }))}
            onChange={(value) => setParam('industry', value)}
          />
          {chains.data ? (
            <Typography.Text type="secondary" data-testid="chains-summary">
              {t('chains.yearSummary', { year: chains.data.year, count: chains.data.total })}
              {filtered ? t('chains.filteredCount', { count: rows.length }) : null}
            </Typography.Text>
          ) : null}
        </Space>
        <Space wrap>
          {isAdmin ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="chain-create">
              {t('chains.create')}
            </Button>
          ) : null}
          <ExportExcelButton
            fileName={`${t('chains.title')}-${year}-${formatDateStamp()}`}
            sheetName={`${t('chains.title')} ${year}`}
            columns={exportColumns}
            rows={exportRows}
          />
        </Space>
      </Flex>
      {chains.error ? <ErrorAlert error={chains.error} onRetry={() => void chains.refetch()} /> : null}
      <Table<ChainListItem>
        rowKey="code"
        data-testid="chains-table"
        columns={columns}
        dataSource={rows}
        loading={chains.isFetching}
        pagination={false}
        locale={{
          emptyText:
            filtered && all.length > 0
              ? t('chains.emptyFiltered')
              : scoped
                ? t('chains.emptyScoped', { year })
                : t('chains.empty', { year }),
        }}
      />
      {creating ? <ChainFormModal mode={{ kind: 'create', year }} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
