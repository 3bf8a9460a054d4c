import { App, Button, Card, Popconfirm, Space, Tag } from 'antd';
import type { UserItem } from '../../../../shared/contracts/users';
import { DataTable } from '../../../components/data-table';
import { usePageParams } from '../../../hooks/use-page-params';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { describeScope } from '../../../lib/describe-scope';
import { useUsers } from '../api/get-users';
import { useUnlockUser } from '../api/unlock-user';

/** 用户管理: every account with its role and data scope; search, paging, export of the shown rows. */
export function UsersPage() {
  const t = useT();
  const { page, pageSize, q } = usePageParams();
  const users = useUsers({ page, pageSize, q: q || undefined });
  const unlock = useUnlockUser();
  const { message } = App.useApp();

  const onUnlock = (user: UserItem) => {
    // A failure is shown by the default mutation error handler.
    unlock.mutate(user.id, { onSuccess: () => void message.success(t('users.unlocked', { username: user.username })) });
  };

  return (
    <Card title={t('users.title')}>
      <DataTable<UserItem>
        query={users}
        columns={[
          { key: 'username', title: t('users.username'), dataIndex: 'username' },
          { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
          { key: 'role', title: t('users.role'), excel: (user) => t(`role.${user.role}`) },
          {
            key: 'active',
            title: t('users.active'),
            excelWidth: 8,
            excel: (user) => `${user.active ? t('users.activeYes') : t('users.activeNo')}${user.locked ? ` ${t('users.locked')}` : ''}`,
            render: (_, user) => (
              <Space size={4}>
                {user.active ? <Tag color="green">{t('users.activeYes')}</Tag> : <Tag color="default">{t('users.activeNo')}</Tag>}
                {user.locked ? <Tag color="red">{t('users.locked')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'scopes', title: t('users.scopes'), excelWidth: 40, excel: (user) => describeScope(user, t) },
          { key: 'createdAt', title: t('users.createdAt'), excelWidth: 18, excel: (user) => formatDateTime(user.createdAt) },
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
                  <Button
                    size="small"
                    loading={unlock.isPending && unlock.variables === user.id}
                    data-testid={`user-unlock-${user.username}`}
                  >
                    {t('users.unlock')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
        testId="users-table"
        exportName={t('users.title')}
        empty={q ? t('common.emptyFiltered') : t('users.empty')}
        paging="server"
        toolbar={{
          search: { placeholder: t('users.searchPlaceholder'), width: 320, testId: 'users-search' },
        }}
      />
    </Card>
  );
}
