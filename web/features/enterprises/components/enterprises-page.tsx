import { Button, Card, Tag, Tooltip } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { EnterpriseListItem } from '../../../../shared/contracts/enterprises';
import { DataTable } from '../../../components/data-table';
import { paths } from '../../../config/paths';
import { usePageParams } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useEnterpriseOptions } from '../api/get-enterprise-options';
import { getEnterprises, useEnterprises } from '../api/get-enterprises';
import { useEnterpriseFilters } from '../hooks/use-enterprise-filters';
import { describeFlags } from '../utils/enterprise-text';
import { EnterpriseFilters } from './enterprise-filters';
import { EnterpriseFlagTags } from './enterprise-flag-tags';

/** 企业名录: the firms in the user's data scope, with search, filters, paging and Excel export. */
export function EnterprisesPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const isAdmin = me.data?.user.role === 'admin';
  const { page, pageSize, q, update } = usePageParams();
  const { filters, setFilter } = useEnterpriseFilters();
  const enterprises = useEnterprises({ page, pageSize, q: q || undefined, ...filters });
  const options = useEnterpriseOptions();
  const chainNames = new Map((options.data?.chains ?? []).map((c) => [c.code, c.name]));
  const filtered = q !== '' || Object.values(filters).some((v) => v !== undefined);
  const separator = t('common.listSeparator');

  // The table shows one page; the export holds every firm of the search and filters.
  const loadAll = () => fetchAllPages((p, size) => getEnterprises({ q: q || undefined, ...filters, page: p, pageSize: size }));

  return (
    <Card title={t('enterprises.title')}>
      <DataTable<EnterpriseListItem>
        rowKey="uscc"
        query={enterprises}
        columns={[
          { key: 'name', title: t('enterprises.name'), dataIndex: 'name', excelWidth: 36, href: (e) => paths.enterprise.getHref(e.uscc) },
          { key: 'uscc', title: t('enterprises.uscc'), dataIndex: 'uscc', width: 200, excelWidth: 22 },
          { key: 'region', title: t('enterprises.region'), dataIndex: 'regionName' },
          {
            key: 'park',
            title: t('enterprises.park'),
            excelWidth: 28,
            excel: (item) => item.parkName,
            render: (_, item) => item.parkShortName ?? '—',
          },
          {
            key: 'chains',
            title: t('enterprises.chains'),
            excelWidth: 20,
            excel: (item) => item.chainCodes.join(separator),
            list: (item) =>
              item.chainCodes.map((code, index) => (
                <Tooltip key={code} title={chainNames.get(code)}>
                  <Tag color={index === 0 ? 'geekblue' : undefined}>{code}</Tag>
                </Tooltip>
              )),
          },
          {
            key: 'aboveScaleYears',
            title: t('enterprises.aboveScaleYears'),
            excelWidth: 20,
            excel: (item) => item.aboveScaleYears.join(separator),
            render: (_, item) => item.aboveScaleYears.join(separator) || '—',
          },
          {
            key: 'flags',
            title: t('enterprises.flags'),
            excelWidth: 28,
            excel: (item) => describeFlags(item, t),
            render: (_, item) => <EnterpriseFlagTags item={item} />,
          },
        ]}
        testId="enterprises-table"
        exportName={t('enterprises.title')}
        loadAllRows={loadAll}
        empty={filtered ? t('enterprises.emptyFiltered') : isAdmin ? t('enterprises.empty') : t('enterprises.emptyScoped')}
        paging="server"
        tableProps={{ scroll: { x: 'max-content' } }}
        toolbar={{
          filters: <EnterpriseFilters q={q} filters={filters} onSearch={(value) => update({ q: value, page: 1 })} onFilter={setFilter} />,
          actions: isAdmin ? (
            <Link to={paths.enterpriseImport.getHref()}>
              <Button data-testid="enterprises-import">{t('enterprises.import')}</Button>
            </Link>
          ) : null,
          add: isAdmin
            ? { label: t('enterprises.create'), onClick: () => void navigate(paths.enterpriseNew.getHref()), testId: 'enterprises-create' }
            : null,
        }}
      />
    </Card>
  );
}
