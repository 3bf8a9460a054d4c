import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import type { IndustryItem } from '../../../../shared/contracts/industries';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
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
  const rows = industries.data?.items ?? [];

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
    { key: 'chainCount', title: t('industries.chainCount'), dataIndex: 'chainCount', align: 'right', width: 120 },
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
      <Flex justify="flex-end" gap={12} wrap style={{ marginBottom: 16 }}>
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
        locale={{ emptyText: t('industries.empty') }}
      />
      {editing ? <IndustryFormModal industry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
