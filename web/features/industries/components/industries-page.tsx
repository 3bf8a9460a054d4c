import { Card, Segmented } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { IndustryItem } from '../../../../shared/contracts/industries';
import { DataTable } from '../../../components/data-table';
import { rowActionsColumn } from '../../../components/row-actions';
import { paths } from '../../../config/paths';
import { useIndustries } from '../../../hooks/use-industries';
import { useMe } from '../../../hooks/use-me';
import { useSetListParam } from '../../../hooks/use-page-params';
import { useT } from '../../../lib/i18n';
import { useDeleteIndustry } from '../api/delete-industry';
import { IndustryFormModal } from './industry-form-modal';
import { useRecordDialog } from '../../../hooks/use-record-dialog';

/** 产业: the ten leading industries of 一核两电三色四新 with the number of chains each leads. */
export function IndustriesPage() {
  const t = useT();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  const industries = useIndustries();
  const remove = useDeleteIndustry();
  const { dialog, add, edit } = useRecordDialog(
    async () => (await industries.refetch()).data?.items,
    (a: IndustryItem, b) => a.code === b.code,
  );
  const [searchParams] = useSearchParams();
  const setParam = useSetListParam<'q' | 'group'>();
  const q = (searchParams.get('q') ?? '').trim();
  const group = searchParams.get('group') ?? '';
  const all = industries.data?.items ?? [];
  // Ten industries: search and the group filter work on the loaded list.
  const rows = all.filter(
    (r) => (group === '' || r.group === group) && (q === '' || `${r.code} ${r.name}`.toLowerCase().includes(q.toLowerCase())),
  );
  const groups = [...new Set(all.map((r) => r.group))];
  const filtered = q !== '' || group !== '';

  return (
    <Card title={t('industries.title')}>
      <DataTable<IndustryItem>
        rows={rows}
        rowKey="code"
        query={industries}
        columns={[
          { key: 'code', title: t('industries.code'), dataIndex: 'code', width: 100, excelWidth: 8 },
          { key: 'group', title: t('industries.group'), dataIndex: 'group', width: 100, excelWidth: 8 },
          { key: 'name', title: t('industries.name'), dataIndex: 'name', excelWidth: 24 },
          {
            key: 'chainCount',
            title: t('industries.chainCount'),
            align: 'right',
            width: 120,
            excelWidth: 10,
            excel: (industry) => industry.chainCount,
            // The count opens the chain list filtered to this industry.
            render: (_, industry) =>
              industry.chainCount > 0 ? (
                <Link to={paths.chains.getHref(industry.code)} data-testid={`industry-chains-${industry.code}`}>
                  {industry.chainCount}
                </Link>
              ) : (
                0
              ),
          },
          isAdmin &&
            rowActionsColumn<IndustryItem>(t, (industry) => ({
              name: industry.name,
              onEdit: () => edit(industry),
              onDelete: () => remove.mutateAsync({ code: industry.code, version: industry.version }),
              blockedReason: industry.chainCount > 0 ? t('industries.deleteBlocked', { count: industry.chainCount }) : null,
            })),
        ]}
        testId="industries-table"
        exportName={t('industries.title')}
        empty={filtered && all.length > 0 ? t('industries.emptyFiltered') : t('industries.empty')}
        toolbar={{
          search: { placeholder: t('industries.searchPlaceholder'), width: 220, testId: 'industries-search' },
          filters: (
            <Segmented<string>
              value={group}
              data-testid="industries-group"
              options={[{ value: '', label: t('industries.allGroups') }, ...groups.map((g) => ({ value: g, label: g }))]}
              onChange={(value) => setParam('group', value)}
            />
          ),
          add: isAdmin ? { label: t('industries.create'), onClick: add, testId: 'industry-create' } : null,
        }}
      />
      {dialog ? <IndustryFormModal {...dialog} /> : null}
    </Card>
  );
}
