import { Button, Card, Flex, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { EnterpriseListItem } from '../../../../shared/contracts/enterprises';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { paths } from '../../../config/paths';
import { pagePagination, usePageParams } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useEnterpriseOptions } from '../api/get-enterprise-options';
import { getEnterprises, useEnterprises } from '../api/get-enterprises';
import { useEnterpriseFilters } from '../hooks/use-enterprise-filters';
import { describeFlags } from '../utils/enterprise-text';
import { EnterpriseFilters } from './enterprise-filters';
import { EnterpriseFlagTags } from './enterprise-flag-tags';

type ExportKey = 'name' | 'uscc' | 'region' | 'park' | 'chains' | 'aboveScaleYears' | 'flags';

/** 企业名录: the firms in the user's data scope, with search, filters, paging and Excel export. */
export function EnterprisesPage() {
  const t = useT();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  const { page, pageSize, q, update } = usePageParams();
  const { filters, setFilter } = useEnterpriseFilters();
  const enterprises = useEnterprises({ page, pageSize, q: q || undefined, ...filters });
  const options = useEnterpriseOptions();
  const chainNames = new Map((options.data?.chains ?? []).map((c) => [c.code, c.name]));
  const rows = enterprises.data?.items ?? [];
  const filtered = q !== '' || Object.values(filters).some((v) => v !== undefined);
  const separator = t('common.listSeparator');

  const columns: TableColumnsType<EnterpriseListItem> = [
    {
      key: 'name',
      title: t('enterprises.name'),
      render: (_, item) => <Link to={paths.enterprise.getHref(item.uscc)}>{item.name}</Link>,
    },
    { key: 'uscc', title: t('enterprises.uscc'), dataIndex: 'uscc', width: 200 },
    { key: 'region', title: t('enterprises.region'), dataIndex: 'regionName' },
    { key: 'park', title: t('enterprises.park'), render: (_, item) => item.parkShortName ?? '—' },
    {
      key: 'chains',
      title: t('enterprises.chains'),
      render: (_, item) => (
        <Space size={[0, 4]} wrap>
          {item.chainCodes.map((code, index) => (
            <Tooltip key={code} title={chainNames.get(code)}>
              <Tag color={index === 0 ? 'geekblue' : undefined}>{code}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    { key: 'aboveScaleYears', title: t('enterprises.aboveScaleYears'), render: (_, item) => item.aboveScaleYears.join(separator) || '—' },
    { key: 'flags', title: t('enterprises.flags'), render: (_, item) => <EnterpriseFlagTags item={item} /> },
  ];

  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'name', title: t('enterprises.name'), width: 36 },
    { key: 'uscc', title: t('enterprises.uscc'), width: 22 },
    { key: 'region', title: t('enterprises.region') },
    { key: 'park', title: t('enterprises.park'), width: 28 },
    { key: 'chains', title: t('enterprises.chains'), width: 20 },
    { key: 'aboveScaleYears', title: t('enterprises.aboveScaleYears'), width: 20 },
    { key: 'flags', title: t('enterprises.flags'), width: 28 },
  ];
  const exportRow = (item: EnterpriseListItem): Record<ExportKey, ExcelCell> => ({
    name: item.name,
    uscc: item.uscc,
    region: item.regionName,
    park: item.parkName,
    chains: item.chainCodes.join(separator),
    aboveScaleYears: item.aboveScaleYears.join(separator),
    flags: describeFlags(item, t),
  });
  // The table shows one page; the export holds every firm of the search and filters.
  const loadAll = async () =>
    (await fetchAllPages((p, size) => getEnterprises({ q: q || undefined, ...filters, page: p, pageSize: size }))).map(exportRow);

  const emptyText = filtered ? t('enterprises.emptyFiltered') : isAdmin ? t('enterprises.empty') : t('enterprises.emptyScoped');

  return (
    <Card
      title={t('enterprises.title')}
      extra={
        <Space>
          {isAdmin ? (
            <>
              <Link to={paths.enterpriseImport.getHref()}>
                <Button data-testid="enterprises-import">{t('enterprises.import')}</Button>
              </Link>
              <Link to={paths.enterpriseNew.getHref()}>
                <Button type="primary" data-testid="enterprises-create">
                  {t('enterprises.create')}
                </Button>
              </Link>
            </>
          ) : null}
          <ExportExcelButton
            fileName={`${t('enterprises.title')}-${formatDateStamp()}`}
            sheetName={t('enterprises.title')}
            columns={exportColumns}
            rows={rows.map(exportRow)}
            loadRows={loadAll}
          />
        </Space>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <EnterpriseFilters q={q} filters={filters} onSearch={(value) => update({ q: value, page: 1 })} onFilter={setFilter} />
      </Flex>
      {enterprises.error ? <ErrorAlert error={enterprises.error} onRetry={() => void enterprises.refetch()} /> : null}
      <Table<EnterpriseListItem>
        rowKey="uscc"
        data-testid="enterprises-table"
        columns={columns}
        dataSource={rows}
        loading={enterprises.isFetching}
        locale={{ emptyText }}
        scroll={{ x: 'max-content' }}
        pagination={pagePagination({ page, pageSize, update }, enterprises.data?.total ?? 0, (total) => t('common.total', { total }))}
      />
    </Card>
  );
}
