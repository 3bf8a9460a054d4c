import { Button, Card, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { EnterpriseListItem } from '../../../../shared/contracts/enterprises';
import { CodeName } from '../../../components/code-name';
import { DataTable } from '../../../components/data-table';
import { paths } from '../../../config/paths';
import { usePageParams } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useEnterpriseOptions } from '../../../hooks/use-enterprise-options';
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
          {
            key: 'region',
            title: t('enterprises.region'),
            excel: (item) => item.regionName,
            render: (_, item) => <CodeName code={item.regionCode} name={item.regionName} />,
          },
          { key: 'regionCode', title: t('enterprises.regionCode'), excelOnly: true, excelWidth: 10, dataIndex: 'regionCode' },
          {
            key: 'park',
            title: t('enterprises.park'),
            excelWidth: 28,
            excel: (item) => item.parkName,
            render: (_, item) => (item.parkShortName === null ? '—' : <span title={item.parkName ?? undefined}>{item.parkShortName}</span>),
          },
          {
            key: 'chains',
            title: t('enterprises.chains'),
            excelWidth: 36,
            excel: (item) => item.chainCodes.map((code) => chainNames.get(code) ?? code).join(separator),
            list: (item) =>
              item.chainCodes.map((code, index) => (
                <Tag key={code} color={index === 0 ? 'geekblue' : undefined}>
                  <CodeName code={code} name={chainNames.get(code)} />
                </Tag>
              )),
          },
          {
            key: 'chainCodes',
            title: t('enterprises.chainCodes'),
            excelOnly: true,
            excelWidth: 16,
            excel: (item) => item.chainCodes.join(separator),
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
