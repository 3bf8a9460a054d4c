import { useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { REGION_KINDS, regionKindSchema, type RegionItem } from '../../../../shared/contracts/regions';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { paths } from '../../../config/paths';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../auth/api/get-me';
import { errorText } from '../../chains/utils/form-errors';
import { useDeleteRegion } from '../api/delete-region';
import { useRegions } from '../api/get-regions';
import { RegionFormModal } from './region-form-modal';

type ExportKey = 'code' | 'name' | 'shortName' | 'kind' | 'parkCount' | 'enterpriseCount';

/** 区域: counties, districts, county-level cities and statistical zones with their parks and firms. */
export function RegionsPage() {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const kindParam = regionKindSchema.safeParse(searchParams.get('kind'));
  const kind = kindParam.success ? kindParam.data : undefined;
  const regions = useRegions({ q: q || undefined, kind });
  const remove = useDeleteRegion();
  const [editing, setEditing] = useState<RegionItem | 'new' | null>(null);
  const rows = regions.data?.items ?? [];

  const setParam = (key: 'q' | 'kind', value: string | undefined) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (value) params.set(key, value);
        else params.delete(key);
        return params;
      },
      { replace: true },
    );

  const onDelete = async (region: RegionItem) => {
    try {
      await remove.mutateAsync(region.code);
      message.success(t('regions.deleted', { name: region.name }));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const columns: TableColumnsType<RegionItem> = [
    { key: 'code', title: t('regions.code'), dataIndex: 'code', width: 110 },
    { key: 'name', title: t('regions.name'), dataIndex: 'name' },
    { key: 'shortName', title: t('regions.shortName'), dataIndex: 'shortName' },
    { key: 'kind', title: t('regions.kind'), render: (_, region) => t(`regions.kind.${region.kind}`) },
    {
      key: 'parkCount',
      title: t('regions.parkCount'),
      align: 'right',
      render: (_, region) => <Link to={`${paths.parks.getHref()}?region=${region.code}`}>{region.parkCount}</Link>,
    },
    {
      key: 'enterpriseCount',
      title: t('regions.enterpriseCount'),
      align: 'right',
      render: (_, region) => <Link to={`${paths.enterprises.getHref()}?region=${region.code}`}>{region.enterpriseCount}</Link>,
    },
  ];
  if (isAdmin) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_, region) => {
        const blocked = region.parkCount > 0 || region.enterpriseCount > 0;
        return (
          <Space>
            <Button size="small" onClick={() => setEditing(region)}>
              {t('regions.edit')}
            </Button>
            <Tooltip title={blocked ? t('regions.deleteBlocked', { parks: region.parkCount, enterprises: region.enterpriseCount }) : undefined}>
              <span>
                <Popconfirm
                  title={t('regions.deleteConfirm', { name: region.name })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  disabled={blocked}
                  onConfirm={() => onDelete(region)}
                >
                  <Button size="small" danger disabled={blocked}>
                    {t('regions.delete')}
                  </Button>
                </Popconfirm>
              </span>
            </Tooltip>
          </Space>
        );
      },
    });
  }

  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'code', title: t('regions.code'), width: 10 },
    { key: 'name', title: t('regions.name'), width: 24 },
    { key: 'shortName', title: t('regions.shortName'), width: 14 },
    { key: 'kind', title: t('regions.kind'), width: 10 },
    { key: 'parkCount', title: t('regions.parkCount'), width: 8 },
    { key: 'enterpriseCount', title: t('regions.enterpriseCount'), width: 10 },
  ];
  const exportRows = rows.map(
    (r): Record<ExportKey, ExcelCell> => ({
      code: r.code,
      name: r.name,
      shortName: r.shortName,
      kind: t(`regions.kind.${r.kind}`),
      parkCount: r.parkCount,
      enterpriseCount: r.enterpriseCount,
    }),
  );

  return (
    <Card title={t('regions.title')}>
      <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            // Follows the address: a menu click back to the bare list clears the box too.
            key={q}
            defaultValue={q}
            placeholder={t('regions.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={(value) => setParam('q', value.trim())}
            data-testid="regions-search"
          />
          <Select
            allowClear
            value={kind}
            placeholder={t('regions.filter.kind')}
            style={{ width: 140 }}
            options={REGION_KINDS.map((k) => ({ value: k, label: t(`regions.kind.${k}`) }))}
            onChange={(value: string | undefined) => setParam('kind', value)}
          />
        </Space>
        <Space wrap>
          {isAdmin ? (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="region-create">
              {t('regions.create')}
            </Button>
          ) : null}
          <ExportExcelButton fileName={`${t('regions.title')}-${formatDateStamp()}`} sheetName={t('regions.title')} columns={exportColumns} rows={exportRows} />
        </Space>
      </Flex>
      {regions.error ? <ErrorAlert error={regions.error} onRetry={() => void regions.refetch()} /> : null}
      <Table<RegionItem>
        rowKey="code"
        data-testid="regions-table"
        columns={columns}
        dataSource={rows}
        loading={regions.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: q || kind ? t('regions.emptyFiltered') : t('regions.empty') }}
      />
      {editing ? <RegionFormModal region={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
