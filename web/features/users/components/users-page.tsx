import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Tag } from 'antd';
import type { UserItem } from '../../../../shared/contracts/users';
import { DataTable } from '../../../components/data-table';
import { useMe } from '../../../hooks/use-me';
import { usePageParams } from '../../../hooks/use-page-params';
import { useRecordDialog } from '../../../hooks/use-record-dialog';
import { describeScope } from '../../../lib/describe-scope';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useUsers } from '../api/get-users';
import { useResetPassword } from '../api/reset-password';
import { useSetUserActive } from '../api/set-user-active';
import { useUnlockUser } from '../api/unlock-user';
import { NewPasswordModal } from './new-password-modal';
import { UserFormModal } from './user-form-modal';

/** A confirmed row action: the button opens a confirmation first. */
/** The label of each account action that asks first. */
const CONFIRMED_ACTIONS = {
  disable: 'users.disable',
  enable: 'users.enable',
  reset: 'users.resetPassword',
  unlock: 'users.unlock',
} as const;

function ConfirmButton(props: {
  /** Names its label, its question (`users.<action>Confirm`) and its test id (`user-<action>-<username>`). */
  action: keyof typeof CONFIRMED_ACTIONS;
  username: string;
  onConfirm: () => void;
  loading: boolean;
  danger?: boolean;
}) {
  const t = useT();
  return (
    <Popconfirm
      title={t(`users.${props.action}Confirm`, { username: props.username })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={props.onConfirm}
    >
      <Button size="small" danger={props.danger} loading={props.loading} data-testid={`user-${props.action}-${props.username}`}>
        {t(CONFIRMED_ACTIONS[props.action])}
      </Button>
    </Popconfirm>
  );
}

/**
 * 用户管理: every account with its role, data scope by name and last login; the admin creates and
 * edits accounts, disables and enables them, unlocks them and resets passwords (a generated one, shown once).
 */
export function UsersPage() {
  const t = useT();
  const me = useMe();
  const { page, pageSize, q } = usePageParams();
  const users = useUsers({ page, pageSize, q: q || undefined });
  const unlock = useUnlockUser();
  const setActive = useSetUserActive();
  const reset = useResetPassword();
  const { message } = App.useApp();
  const { dialog, add, edit } = useRecordDialog<UserItem>(
    async () => (await users.refetch()).data?.items,
    (a, b) => a.id === b.id,
  );
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);

  const onUnlock = (user: UserItem) => {
    // A failure is shown by the default mutation error handler.
    unlock.mutate(user.id, { onSuccess: () => void message.success(t('users.unlocked', { username: user.username })) });
  };
  const onActive = (user: UserItem, active: boolean) => {
    setActive.mutate(
      { id: user.id, active, version: user.version },
      { onSuccess: () => void message.success(t(active ? 'users.enabledDone' : 'users.disabledDone', { username: user.username })) },
    );
  };
  const onReset = (user: UserItem) => {
    reset.mutate(user.id, {
      onSuccess: (answer) => {
        if (answer.generatedPassword) setShown({ username: user.username, password: answer.generatedPassword });
      },
    });
  };

  const actions = (user: UserItem) => {
    const self = user.id === me.data?.user.id;
    const busy = (m: { isPending: boolean; variables?: unknown }) =>
      m.isPending &&
      (m.variables === user.id ||
        (typeof m.variables === 'object' && m.variables !== null && 'id' in m.variables && m.variables.id === user.id));
    return (
      <Space size={4} wrap>
        <Button size="small" onClick={() => edit(user)} data-testid={`user-edit-${user.username}`}>
          {t('users.edit')}
        </Button>
        {self ? null : user.active ? (
          <ConfirmButton
            action="disable"
            username={user.username}
            onConfirm={() => onActive(user, false)}
            loading={busy(setActive)}
            danger
          />
        ) : (
          <ConfirmButton action="enable" username={user.username} onConfirm={() => onActive(user, true)} loading={busy(setActive)} />
        )}
        <ConfirmButton action="reset" username={user.username} onConfirm={() => onReset(user)} loading={busy(reset)} />
        {user.locked ? (
          <ConfirmButton action="unlock" username={user.username} onConfirm={() => onUnlock(user)} loading={busy(unlock)} />
        ) : null}
      </Space>
    );
  };

  return (
    <Card title={t('users.title')}>
      <DataTable<UserItem>
        query={users}
        columns={[
          { key: 'username', title: t('users.username'), dataIndex: 'username' },
          { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
          {
            key: 'role',
            title: t('users.role'),
            excel: (user) => `${t(`role.${user.role}`)}${user.statsReviewer ? ` · ${t('users.statsReviewer')}` : ''}`,
          },
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
          {
            key: 'lastLoginAt',
            title: t('users.lastLogin'),
            excelWidth: 18,
            excel: (user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.neverLoggedIn')),
          },
          { key: 'createdAt', title: t('users.createdAt'), excelWidth: 18, excel: (user) => formatDateTime(user.createdAt) },
          { key: 'actions', title: t('users.actions'), render: (_, user) => actions(user) },
        ]}
        testId="users-table"
        exportName={t('users.title')}
        empty={q ? t('common.emptyFiltered') : t('users.empty')}
        paging="server"
        toolbar={{
          search: { placeholder: t('users.searchPlaceholder'), width: 320, testId: 'users-search' },
          add: { label: t('users.create'), onClick: add, testId: 'user-create' },
        }}
      />
      {dialog ? <UserFormModal {...dialog} /> : null}
      {shown ? <NewPasswordModal {...shown} onClose={() => setShown(null)} /> : null}
    </Card>
  );
}
