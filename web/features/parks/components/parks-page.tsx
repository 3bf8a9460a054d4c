import { useState } from 'react';
import { Card, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PARK_LEVELS, parkLevelSchema, type ParkListItem } from '../../../../shared/contracts/parks';
import { ErrorAlert } from '../../../components/error-alert';
import type { ExcelCell, ExcelColumn } from '../../../components/export-excel-button';
import { ListToolbar } from '../../../components/list-toolbar';
import { paths } from '../../../config/paths';
import { pagePagination, usePageParams, useSetListParam } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { formatDateStamp, formatNumber } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useRegions } from '../../../hooks/use-regions';
import { getParks, useParks } from '../api/get-parks';
import { ParkFormModal } from './park-form-modal';

type ExportKey = 'name' | 'shortName' | 'level' | 'region' | 'area' | 'established' | 'focus' | 'focusChains' | 'enterprises';

/** 园区: parks with search, level and region filters, paging and export; the admin adds parks. */
export function ParksPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  const { page, pageSize, q, update } = usePageParams();
  const [searchParams] = useSearchParams();
  const setFilter = useSetListParam<'level' | 'region'>();
  const levelParam = parkLevelSchema.safeParse(searchParams.get('level'));
  const level = levelParam.success ? levelParam.data : undefined;
  const region = searchParams.get('region') || undefined;
  const parks = useParks({ page, pageSize, q: q || undefined, level, region });
  const regions = useRegions();
  const [creating, setCreating] = useState(false);
  const rows = parks.data?.items ?? [];
  const filtered = q !== '' || level !== undefined || region !== undefined;
  const separator = t('common.listSeparator');

  const area = (park: ParkListItem) => (park.areaHectares === null ? '—' : formatNumber(park.areaHectares / 100, locale));
  const columns: TableColumnsType<ParkListItem> = [
    { key: 'name', title: t('parks.name'), render: (_, park) => <Link to={paths.park.getHref(park.id)}>{park.name}</Link> },
    { key: 'shortName', title: t('parks.shortName'), dataIndex: 'shortName' },
    {
      key: 'level',
      title: t('parks.level'),
      width: 90,
      render: (_, park) => <Tag color={park.level === 'national' ? 'red' : 'blue'}>{t(`parks.level.${park.level}`)}</Tag>,
    },
    { key: 'region', title: t('parks.region'), dataIndex: 'regionName' },
    { key: 'area', title: t('parks.area'), align: 'right', render: (_, park) => area(park) },
    { key: 'established', title: t('parks.established'), render: (_, park) => park.establishedOn ?? '—' },
    {
      key: 'focusChains',
      title: t('parks.focusChains'),
      render: (_, park) => (
        <Space size={[0, 4]} wrap>
          {park.focusChainCodes.map((code) => (
            <Link key={code} to={paths.chain.getHref(code)}>
              <Tag>{code}</Tag>
            </Link>
          ))}
        </Space>
      ),
    },
    { key: 'enterprises', title: t('parks.enterpriseCount'), dataIndex: 'enterpriseCount', align: 'right', width: 90 },
  ];

  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'name', title: t('parks.name'), width: 30 },
    { key: 'shortName', title: t('parks.shortName'), width: 16 },
    { key: 'level', title: t('parks.level'), width: 8 },
    { key: 'region', title: t('parks.region'), width: 14 },
    { key: 'area', title: t('parks.area'), width: 14 },
    { key: 'established', title: t('parks.established'), width: 12 },
    { key: 'focus', title: t('parks.focus'), width: 30 },
    { key: 'focusChains', title: t('parks.focusChains'), width: 20 },
    { key: 'enterprises', title: t('parks.enterpriseCount'), width: 10 },
  ];
  const exportRow = (park: ParkListItem): Record<ExportKey, ExcelCell> => ({
    name: park.name,
    shortName: park.shortName,
    level: t(`parks.level.${park.level}`),
    region: park.regionName,
    area: park.areaHectares === null ? null : park.areaHectares / 100,
    established: park.establishedOn,
    focus: park.focus.join(separator),
    focusChains: park.focusChainCodes.join(separator),
    enterprises: park.enterpriseCount,
  });
  // The table shows one page; the export holds every park of the search and filters.
  const loadAll = async () =>
    (await fetchAllPages((p, size) => getParks({ q: q || undefined, level, region, page: p, pageSize: size }))).map(exportRow);

  return (
    <Card title={t('parks.title')}>
      <ListToolbar
        search={{
          value: q,
          placeholder: t('parks.searchPlaceholder'),
          testId: 'parks-search',
          onSearch: (value) => update({ q: value, page: 1 }),
        }}
        filters={
          <>
            <Select
              allowClear
              value={level}
              placeholder={t('parks.filter.level')}
              style={{ width: 130 }}
              options={PARK_LEVELS.map((l) => ({ value: l, label: t(`parks.level.${l}`) }))}
              onChange={(value: string | undefined) => setFilter('level', value)}
              data-testid="parks-level"
            />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              value={region}
              placeholder={t('parks.filter.region')}
              style={{ width: 180 }}
              options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
              onChange={(value: string | undefined) => setFilter('region', value)}
            />
          </>
        }
        add={isAdmin ? { label: t('parks.create'), onClick: () => setCreating(true), testId: 'park-create' } : null}
        exportProps={{
          fileName: `${t('parks.title')}-${formatDateStamp()}`,
          sheetName: t('parks.title'),
          columns: exportColumns,
          rows: rows.map(exportRow),
          loadRows: loadAll,
        }}
      />
      {parks.error ? <ErrorAlert error={parks.error} onRetry={() => void parks.refetch()} /> : null}
      <Table<ParkListItem>
        rowKey="id"
        data-testid="parks-table"
        columns={columns}
        dataSource={rows}
        loading={parks.isFetching}
        locale={{ emptyText: filtered ? t('parks.emptyFiltered') : t('parks.empty') }}
        pagination={pagePagination({ page, pageSize, update }, parks.data?.total ?? 0, (total) => t('common.total', { total }))}
      />
      {creating ? <ParkFormModal park={null} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
