import { Card } from 'antd';
import { useSearchParams } from 'react-router';
import { REGION_KINDS, regionKindSchema, type RegionItem } from '../../../../shared/contracts/regions';
import { DataTable } from '../../../components/data-table';
import { FilterSelect } from '../../../components/list-toolbar';
import { rowActionsColumn } from '../../../components/row-actions';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { useRegions } from '../../../hooks/use-regions';
import { useT } from '../../../lib/i18n';
import { useDeleteRegion } from '../api/delete-region';
import { RegionFormModal } from './region-form-modal';
import { useRecordDialog } from '../../../hooks/use-record-dialog';

/** 区域: counties, districts, county-level cities and statistical zones with their parks and firms. */
export function RegionsPage() {
  const t = useT();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  const [searchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const kindParam = regionKindSchema.safeParse(searchParams.get('kind'));
  const kind = kindParam.success ? kindParam.data : undefined;
  const regions = useRegions({ q: q || undefined, kind });
  const remove = useDeleteRegion();
  const { dialog, add, edit } = useRecordDialog(
    async () => (await regions.refetch()).data?.items,
    (a: RegionItem, b) => a.code === b.code,
  );

  const kindOptions = REGION_KINDS.map((k) => ({ value: k, label: t(`regions.kind.${k}`) }));

  return (
    <Card title={t('regions.title')}>
      <DataTable<RegionItem>
        rowKey="code"
        query={regions}
        toolbar={{
          search: { placeholder: t('regions.searchPlaceholder'), testId: 'regions-search' },
          filters: <FilterSelect param="kind" placeholder={t('regions.filter.kind')} options={kindOptions} />,
          add: isAdmin ? { label: t('regions.create'), onClick: add, testId: 'region-create' } : null,
        }}
        columns={[
          { key: 'code', title: t('regions.code'), dataIndex: 'code', width: 110, excelWidth: 10 },
          { key: 'name', title: t('regions.name'), dataIndex: 'name', excelWidth: 24 },
          { key: 'shortName', title: t('regions.shortName'), dataIndex: 'shortName', excelWidth: 14 },
          { key: 'kind', title: t('regions.kind'), excelWidth: 10, excel: (region) => t(`regions.kind.${region.kind}`) },
          {
            key: 'parkCount',
            title: t('regions.parkCount'),
            dataIndex: 'parkCount',
            align: 'right',
            excelWidth: 8,
            href: (region) => `${paths.parks.getHref()}?region=${region.code}`,
          },
          {
            key: 'enterpriseCount',
            title: t('regions.enterpriseCount'),
            dataIndex: 'enterpriseCount',
            align: 'right',
            excelWidth: 10,
            href: (region) => `${paths.enterprises.getHref()}?region=${region.code}`,
          },
          isAdmin &&
            rowActionsColumn<RegionItem>(t, (region) => ({
              name: region.name,
              onEdit: () => edit(region),
              onDelete: () => remove.mutateAsync({ code: region.code, version: region.version }),
              blockedReason:
                region.parkCount > 0 || region.enterpriseCount > 0
                  ? t('regions.deleteBlocked', { parks: region.parkCount, enterprises: region.enterpriseCount })
                  : null,
            })),
        ]}
        testId="regions-table"
        exportName={t('regions.title')}
        empty={q || kind ? t('regions.emptyFiltered') : t('regions.empty')}
        paging="client"
      />
      {dialog ? <RegionFormModal {...dialog} /> : null}
    </Card>
  );
}
