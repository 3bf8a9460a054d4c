import { App, Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { UserItem } from '../../../../shared/contracts/users';
import { ErrorAlert } from '../../../components/error-alert';
import type { ExcelCell, ExcelColumn } from '../../../components/export-excel-button';
import { ListToolbar } from '../../../components/list-toolbar';
import { pagePagination, usePageParams } from '../../../hooks/use-page-params';
import { formatDateStamp, formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { describeScope } from '../../../lib/describe-scope';
import { useUsers } from '../api/get-users';
import { useUnlockUser } from '../api/unlock-user';

type ExportKey = 'username' | 'displayName' | 'role' | 'active' | 'scopes' | 'createdAt';

/** 用户管理: every account with its role and data scope; search, paging, export of the shown rows. */
export function UsersPage() {
  const t = useT();
  const { page, pageSize, q, update } = usePageParams();
  const users = useUsers({ page, pageSize, q: q || undefined });
  const rows = users.data?.items ?? [];
  const unlock = useUnlockUser();
  const { message } = App.useApp();

  const onUnlock = (user: UserItem) => {
    // A failure is shown by the default mutation error handler.
    unlock.mutate(user.id, { onSuccess: () => void message.success(t('users.unlocked', { username: user.username })) });
  };

  const columns: TableColumnsType<UserItem> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('users.role'), render: (_, user) => t(`role.${user.role}`) },
    {
      key: 'active',
      title: t('users.active'),
      render: (_, user) => (
        <Space size={4}>
          {user.active ? <Tag color="green">{t('users.activeYes')}</Tag> : <Tag color="default">{t('users.activeNo')}</Tag>}
          {user.locked ? <Tag color="red">{t('users.locked')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'scopes', title: t('users.scopes'), render: (_, user) => describeScope(user, t) },
    { key: 'createdAt', title: t('users.createdAt'), render: (_, user) => formatDateTime(user.createdAt) },
    {
      key: 'actions',
      title: t('users.actions'),
      render: (_, user) =>
        user.locked ? (
          <Popconfirm
            title={t('users.unlockConfirm', { username: user.username })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => onUnlock(user)}
          >
            <Button size="small" loading={unlock.isPending && unlock.variables === user.id} data-testid={`user-unlock-${user.username}`}>
              {t('users.unlock')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'username', title: t('users.username') },
    { key: 'displayName', title: t('users.displayName') },
    { key: 'role', title: t('users.role') },
    { key: 'active', title: t('users.active'), width: 8 },
    { key: 'scopes', title: t('users.scopes'), width: 40 },
    { key: 'createdAt', title: t('users.createdAt'), width: 18 },
  ];
  const exportRows = rows.map((user): Record<ExportKey, ExcelCell> => ({
    username: user.username,
    displayName: user.displayName,
    role: t(`role.${user.role}`),
    active: `${user.active ? t('users.activeYes') : t('users.activeNo')}${user.locked ? ` ${t('users.locked')}` : ''}`,
    scopes: describeScope(user, t),
    createdAt: formatDateTime(user.createdAt),
  }));

  return (
    <Card title={t('users.title')}>
      <ListToolbar
        search={{
          value: q,
          placeholder: t('users.searchPlaceholder'),
          width: 320,
          testId: 'users-search',
          onSearch: (value) => update({ q: value, page: 1 }),
        }}
        exportProps={{
          fileName: `${t('users.title')}-${formatDateStamp()}`,
          sheetName: t('users.title'),
          columns: exportColumns,
          rows: exportRows,
        }}
      />
      {users.error ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      <Table<UserItem>
        rowKey="id"
        data-testid="users-table"
        columns={columns}
        dataSource={rows}
        loading={users.isFetching}
        locale={q ? undefined : { emptyText: t('users.empty') }}
        pagination={pagePagination({ page, pageSize, update }, users.data?.total ?? 0, (total) => t('common.total', { total }))}
      />
    </Card>
  );
}
