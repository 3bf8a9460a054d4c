import { useState } from 'react';
import { Card, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PARK_LEVELS, parkLevelSchema, type ParkListItem } from '../../../../shared/contracts/parks';
import { DataTable } from '../../../components/data-table';
import { FilterSelect } from '../../../components/list-toolbar';
import { paths } from '../../../config/paths';
import { usePageParams } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { formatNumber } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useRegions } from '../../../hooks/use-regions';
import { getParks, useParks } from '../api/get-parks';
import { ParkFormModal } from './park-form-modal';

/** 园区: parks with search, level and region filters, paging and export; the admin adds parks. */
export function ParksPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  const { page, pageSize, q } = usePageParams();
  const [searchParams] = useSearchParams();
  const levelParam = parkLevelSchema.safeParse(searchParams.get('level'));
  const level = levelParam.success ? levelParam.data : undefined;
  const region = searchParams.get('region') || undefined;
  const parks = useParks({ page, pageSize, q: q || undefined, level, region });
  const regions = useRegions();
  const [creating, setCreating] = useState(false);
  const filtered = q !== '' || level !== undefined || region !== undefined;
  const separator = t('common.listSeparator');

  const levelText = (park: ParkListItem) => t(`parks.level.${park.level}`);
  // The table shows one page; the export holds every park of the search and filters.
  const loadAll = () => fetchAllPages((p, size) => getParks({ q: q || undefined, level, region, page: p, pageSize: size }));

  return (
    <Card title={t('parks.title')}>
      <DataTable<ParkListItem>
        query={parks}
        toolbar={{
          search: { placeholder: t('parks.searchPlaceholder'), testId: 'parks-search' },
          filters: (
            <>
              <FilterSelect
                param="level"
                placeholder={t('parks.filter.level')}
                width={130}
                options={PARK_LEVELS.map((l) => ({ value: l, label: t(`parks.level.${l}`) }))}
                testId="parks-level"
              />
              <FilterSelect
                param="region"
                placeholder={t('parks.filter.region')}
                width={180}
                searchable
                options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
              />
            </>
          ),
          add: isAdmin ? { label: t('parks.create'), onClick: () => setCreating(true), testId: 'park-create' } : null,
        }}
        columns={[
          { key: 'name', title: t('parks.name'), dataIndex: 'name', excelWidth: 30, href: (park) => paths.park.getHref(park.id) },
          { key: 'shortName', title: t('parks.shortName'), dataIndex: 'shortName' },
          {
            key: 'level',
            title: t('parks.level'),
            width: 90,
            excel: levelText,
            tag: (park) => (park.level === 'national' ? 'red' : 'blue'),
          },
          { key: 'region', title: t('parks.region'), dataIndex: 'regionName', excelWidth: 14 },
          {
            key: 'area',
            title: t('parks.area'),
            align: 'right',
            excelWidth: 14,
            excel: (park) => (park.areaHectares === null ? null : park.areaHectares / 100),
            render: (_, park) => (park.areaHectares === null ? '—' : formatNumber(park.areaHectares / 100, locale)),
          },
          { key: 'established', title: t('parks.established'), excelWidth: 12, excel: (park) => park.establishedOn },
          { key: 'focus', title: t('parks.focus'), excelOnly: true, excelWidth: 30, excel: (park) => park.focus.join(separator) },
          {
            key: 'focusChains',
            title: t('parks.focusChains'),
            excelWidth: 20,
            excel: (park) => park.focusChainCodes.join(separator),
            list: (park) =>
              park.focusChainCodes.map((code) => (
                <Link key={code} to={paths.chain.getHref(code)}>
                  <Tag>{code}</Tag>
                </Link>
              )),
          },
          {
            key: 'enterprises',
            title: t('parks.enterpriseCount'),
            dataIndex: 'enterpriseCount',
            align: 'right',
            width: 90,
            excelWidth: 10,
          },
        ]}
        testId="parks-table"
        exportName={t('parks.title')}
        loadAllRows={loadAll}
        empty={filtered ? t('parks.emptyFiltered') : t('parks.empty')}
        paging="server"
      />
      {creating ? <ParkFormModal record={null} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
