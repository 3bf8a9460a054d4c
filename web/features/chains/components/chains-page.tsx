import { useState } from 'react';
import { Card, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { ChainListItem } from '../../../../shared/contracts/chains';
import { DataTable } from '../../../components/data-table';
import { SearchBox } from '../../../components/list-toolbar';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useChains } from '../../../hooks/use-chains';
import { matchesChain } from '../utils/chain-filter';
import { currentYear, readYear } from '../../../lib/current-year';
import { ChainFormModal } from './chain-form-modal';

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

  return (
    <Card title={t('chains.title')} extra={<Link to={paths.chainHealth.getHref()}>{t('chains.health.link')}</Link>}>
      <DataTable<ChainListItem>
        rows={rows}
        rowKey="code"
        query={chains}
        columns={[
          { key: 'code', title: t('chains.code'), dataIndex: 'code', width: 90, excelWidth: 10 },
          {
            key: 'name',
            title: t('chains.name'),
            dataIndex: 'name',
            excelWidth: 28,
            href: (chain) => paths.chain.getHref(chain.code, year === currentYear() ? undefined : year),
          },
          {
            key: 'industry',
            title: t('chains.industry'),
            excelWidth: 20,
            excel: (chain) => chain.industryName,
            render: (_, chain) => (
              <Space size={4}>
                <Tag>{chain.industryGroup}</Tag>
                {chain.industryName}
              </Space>
            ),
          },
          { key: 'group', title: t('chains.industryGroup'), excelOnly: true, excelWidth: 8, excel: (chain) => chain.industryGroup },
          { key: 'nodeCount', title: t('chains.nodeCount'), dataIndex: 'nodeCount', align: 'right', width: 100, excelWidth: 10 },
          {
            key: 'enterpriseCount',
            title: t('chains.enterpriseCount'),
            dataIndex: 'enterpriseCount',
            align: 'right',
            width: 100,
            excelWidth: 10,
          },
          {
            key: 'aboveScaleCount',
            title: t('chains.aboveScaleCount'),
            excelTitle: `${t('chains.aboveScaleCount')} (${year})`,
            dataIndex: 'aboveScaleCount',
            align: 'right',
            width: 120,
            excelWidth: 14,
          },
          { key: 'chief', title: t('chains.chief'), excelWidth: 24, excel: (chain) => chain.chiefTitle },
          { key: 'office', title: t('chains.office'), excelOnly: true, excelWidth: 24, excel: (chain) => chain.office },
        ]}
        testId="chains-table"
        exportName={`${t('chains.title')}-${year}`}
        sheetName={`${t('chains.title')} ${year}`}
        empty={
          filtered && all.length > 0 ? t('chains.emptyFiltered') : scoped ? t('chains.emptyScoped', { year }) : t('chains.empty', { year })
        }
        toolbar={{
          filters: (
            <>
              <span>{t('chains.year')}</span>
              <Select<number>
                value={year}
                style={{ width: 110 }}
                data-testid="chains-year"
                options={yearOptions().map((y) => ({ value: y, label: String(y) }))}
                onChange={setYear}
              />
              <SearchBox
                value={q}
                placeholder={t('chains.searchPlaceholder')}
                width={220}
                testId="chains-search"
                onSearch={(value) => setParam('q', value)}
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
            </>
          ),
          add: isAdmin ? { label: t('chains.create'), onClick: () => setCreating(true), testId: 'chain-create' } : null,
        }}
      />
      {creating ? <ChainFormModal mode={{ kind: 'create', year }} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
