import { useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Segmented, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { IndustryItem } from '../../../../shared/contracts/industries';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { paths } from '../../../config/paths';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../auth/api/get-me';
import { useIndustries } from '../../chains/api/get-industries';
import { errorText } from '../../chains/utils/form-errors';
import { useDeleteIndustry } from '../api/delete-industry';
import { IndustryFormModal } from './industry-form-modal';

type ExportKey = 'code' | 'group' | 'name' | 'chainCount';

/** 产业: the ten leading industries of 一核两电三色四新 with the number of chains each leads. */
export function IndustriesPage() {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  const industries = useIndustries();
  const remove = useDeleteIndustry();
  const [editing, setEditing] = useState<IndustryItem | 'new' | null>(null);
  const [searchParams, setSearchParams] = useSearchParams();
  const q = (searchParams.get('q') ?? '').trim();
  const group = searchParams.get('group') ?? '';
  const all = industries.data?.items ?? [];
  // Ten industries: search and the group filter work on the loaded list.
  const rows = all.filter((r) => (group === '' || r.group === group) && (q === '' || `${r.code} ${r.name}`.toLowerCase().includes(q.toLowerCase())));
  const groups = [...new Set(all.map((r) => r.group))];
  const filtered = q !== '' || group !== '';
  const setParam = (key: 'q' | 'group', value: string) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (value === '') params.delete(key);
        else params.set(key, value);
        return params;
      },
      { replace: true },
    );

  const onDelete = async (industry: IndustryItem) => {
    try {
      await remove.mutateAsync(industry.code);
      message.success(t('industries.deleted', { name: industry.name }));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const columns: TableColumnsType<IndustryItem> = [
    { key: 'code', title: t('industries.code'), dataIndex: 'code', width: 100 },
    { key: 'group', title: t('industries.group'), dataIndex: 'group', width: 100 },
    { key: 'name', title: t('industries.name'), dataIndex: 'name' },
    {
      key: 'chainCount',
      title: t('industries.chainCount'),
      align: 'right',
      width: 120,
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
  ];
  if (isAdmin) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_, industry) => {
        const blocked = industry.chainCount > 0;
        return (
          <Space>
            <Button size="small" onClick={() => setEditing(industry)}>
              {t('industries.edit')}
            </Button>
            <Tooltip title={blocked ? t('industries.deleteBlocked', { count: industry.chainCount }) : undefined}>
              <span>
                <Popconfirm
                  title={t('industries.deleteConfirm', { name: industry.name })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  disabled={blocked}
                  onConfirm={() => onDelete(industry)}
                >
                  <Button size="small" danger disabled={blocked}>
                    {t('industries.delete')}
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
    { key: 'code', title: t('industries.code'), width: 8 },
    { key: 'group', title: t('industries.group'), width: 8 },
    { key: 'name', title: t('industries.name'), width: 24 },
    { key: 'chainCount', title: t('industries.chainCount'), width: 10 },
  ];
  const exportRows = rows.map((r): Record<ExportKey, ExcelCell> => ({ code: r.code, group: r.group, name: r.name, chainCount: r.chainCount }));

  return (
    <Card title={t('industries.title')}>
      <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            // Follows the address: a menu click back to the bare list clears the box too.
            key={q}
            defaultValue={q}
            placeholder={t('industries.searchPlaceholder')}
            style={{ width: 220 }}
            data-testid="industries-search"
            onSearch={(value) => setParam('q', value.trim())}
          />
          <Segmented<string>
            value={group}
            data-testid="industries-group"
            options={[{ value: '', label: t('industries.allGroups') }, ...groups.map((g) => ({ value: g, label: g }))]}
            onChange={(value) => setParam('group', value)}
          />
        </Space>
        <Space wrap>
          {isAdmin ? (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="industry-create">
              {t('industries.create')}
            </Button>
          ) : null}
          <ExportExcelButton
            fileName={`${t('industries.title')}-${formatDateStamp()}`}
            sheetName={t('industries.title')}
            columns={exportColumns}
            rows={exportRows}
          />
        </Space>
      </Flex>
      {industries.error ? <ErrorAlert error={industries.error} onRetry={() => void industries.refetch()} /> : null}
      <Table<IndustryItem>
        rowKey="code"
        data-testid="industries-table"
        columns={columns}
        dataSource={rows}
        loading={industries.isFetching}
        pagination={false}
        locale={{ emptyText: filtered && all.length > 0 ? t('industries.emptyFiltered') : t('industries.empty') }}
      />
      {editing ? <IndustryFormModal industry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
