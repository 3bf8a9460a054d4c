import { App, Button, Card, Flex, Input, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { UserItem } from '../../../../shared/contracts/users';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { PAGE_SIZES, usePageParams } from '../../../hooks/use-page-params';
import { formatDateStamp, formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { describeScope } from '../../auth/utils/describe-scope';
import { useUsers } from '../api/get-users';
import { useUnlockUser } from '../api/unlock-user';
import { errorText } from '../../chains/utils/form-errors';

type ExportKey = 'username' | 'displayName' | 'role' | 'active' | 'scopes' | 'createdAt';

/** 用户管理: every account with its role and data scope; search, paging, export of the shown rows. */
export function UsersPage() {
  const t = useT();
  const { page, pageSize, q, update } = usePageParams();
  const users = useUsers({ page, pageSize, q: q || undefined });
  const rows = users.data?.items ?? [];
  const unlock = useUnlockUser();
  const { message } = App.useApp();

  const onUnlock = async (user: UserItem) => {
    try {
      await unlock.mutateAsync(user.id);
      message.success(t('users.unlocked', { username: user.username }));
    } catch (err) {
      message.error(errorText(err));
    }
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
  const exportRows = rows.map(
    (user): Record<ExportKey, ExcelCell> => ({
      username: user.username,
      displayName: user.displayName,
      role: t(`role.${user.role}`),
      active: `${user.active ? t('users.activeYes') : t('users.activeNo')}${user.locked ? ` ${t('users.locked')}` : ''}`,
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
