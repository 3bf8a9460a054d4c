import { UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import type { CurrentUser } from '../../../../shared/contracts/auth';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useLogout } from '../api/logout';

/** The header's user button: name, role, and 退出登录; `compact` (a phone): an icon, the name inside the menu. */
export function UserMenu({ user, compact = false }: { user: CurrentUser; compact?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logoutMutation = useLogout({
    onLoggedOut: () => {
      void navigate(paths.login.getHref(), { replace: true });
      message.success(t('auth.loggedOut'));
    },
  });

  const items: MenuProps['items'] = [
    ...(compact ? [{ key: 'name', label: user.displayName, disabled: true }] : []),
    { key: 'role', label: t('common.yourRole', { role: t(`role.${user.role}`) }), disabled: true },
    { type: 'divider' },
    { key: 'logout', danger: true, label: <span data-testid="logout">{t('auth.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'logout') return;
    logoutMutation.mutate(undefined);
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        data-testid="user-menu"
        loading={logoutMutation.isPending}
        icon={compact ? <UserOutlined /> : undefined}
        aria-label={compact ? user.displayName : undefined}
      >
        {compact ? null : user.displayName}
      </Button>
    </Dropdown>
  );
}
