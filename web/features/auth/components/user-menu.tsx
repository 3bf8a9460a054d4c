import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import type { CurrentUser } from '../../../../shared/contracts/auth';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useLogout } from '../api/logout';

/** The header's user button: name, role, and 退出登录. */
export function UserMenu({ user }: { user: CurrentUser }) {
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
      <Button type="text" data-testid="user-menu" loading={logoutMutation.isPending}>
        {user.displayName}
      </Button>
    </Dropdown>
  );
}
