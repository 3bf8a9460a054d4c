import { Card, Flex, Input, Table, Tag, type TableColumnsType } from 'antd';
import type { UserItem } from '../../../../shared/contracts/users';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { PAGE_SIZES, usePageParams } from '../../../hooks/use-page-params';
import { formatDateStamp, formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { describeScope } from '../../auth/utils/describe-scope';
import { useUsers } from '../api/get-users';

type ExportKey = 'username' | 'displayName' | 'role' | 'active' | 'scopes' | 'createdAt';

/** 用户管理: every account with its role and data scope; search, paging, export of the shown rows. */
export function UsersPage() {
  const t = useT();
  const { page, pageSize, q, update } = usePageParams();
  const users = useUsers({ page, pageSize, q: q || undefined });
  const rows = users.data?.items ?? [];

  const columns: TableColumnsType<UserItem> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('users.role'), render: (_, user) => t(`role.${user.role}`) },
    {
      key: 'active',
      title: t('users.active'),
      render: (_, user) =>
        user.active ? <Tag color="green">{t('users.activeYes')}</Tag> : <Tag color="default">{t('users.activeNo')}</Tag>,
    },
    { key: 'scopes', title: t('users.scopes'), render: (_, user) => describeScope(user, t) },
    { key: 'createdAt', title: t('users.createdAt'), render: (_, user) => formatDateTime(user.createdAt) },
  ];

  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'username', title: t('users.username') },
    { key: 'displayName', title: t('users.displayName') },
    { key: 'role', title: t('users.role') },
    { key: 'active', title: t('users.active'), width: 8 },
    { key: 'scopes', title: t('users.scopes'), width: 40 },
    { key: 'createdAt', title: t('users.createdAt'), width: 18 },
  ];
  const exportRows = rows.map(
    (user): Record<ExportKey, ExcelCell> => ({
      username: user.username,
      displayName: user.displayName,
      role: t(`role.${user.role}`),
      active: user.active ? t('users.activeYes') : t('users.activeNo'),
      scopes: describeScope(user, t),
      createdAt: formatDateTime(user.createdAt),
    }),
  );

  return (
    <Card title={t('users.title')}>
      <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          // Follows the address: a menu click back to the bare list clears the box too.
          key={q}
          defaultValue={q}
          placeholder={t('users.searchPlaceholder')}
          style={{ maxWidth: 320 }}
          data-testid="users-search"
          onSearch={(value) => update({ q: value.trim(), page: 1 })}
        />
        <ExportExcelButton
          fileName={`${t('users.title')}-${formatDateStamp()}`}
          sheetName={t('users.title')}
          columns={exportColumns}
          rows={exportRows}
        />
      </Flex>
      {users.error ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      <Table<UserItem>
        rowKey="id"
        data-testid="users-table"
        columns={columns}
        dataSource={rows}
        loading={users.isFetching}
        locale={q ? undefined : { emptyText: t('users.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => t('common.total', { total }),
          onChange: (nextPage, nextSize) => update({ page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize }),
        }}
      />
    </Card>
  );
}
