import { useState } from 'react';
import { Button, Flex, Layout, Menu, Result, Space, Typography } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { CurrentUser } from '../../../shared/contracts/auth';
import { LanguageSwitch } from '../../components/language-switch';
import { PageSpinner } from '../../components/page-spinner';
import { paths } from '../../config/paths';
import { useMe } from '../../hooks/use-me';
import { UserMenu } from '../../features/auth/components/user-menu';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { useT } from '../../lib/i18n';
import { buildNavItems, selectedNavKey } from './nav-items';

/** Pages that need a session: sends visitors without one to login, remembering where they wanted to go. */
export function AppShell() {
  const t = useT();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) return <Navigate to={paths.login.getHref(`${location.pathname}${location.search}`)} replace />;
  return <ShellLayout user={me.data.user} />;
}

function ShellLayout({ user }: { user: CurrentUser }) {
  const t = useT();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const selected = selectedNavKey(location.pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingInline: 24,
          background: '#fff',
          borderBottom: '1px solid #e8e8e8',
        }}
      >
        <Flex align="baseline" gap={12}>
          <Typography.Title level={4} style={{ margin: 0, color: '#1656c2' }} data-testid="app-title">
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        <Space size="middle">
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu user={user} />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider theme="light" width={200} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg">
          <Menu
            mode="inline"
            data-testid="side-menu"
            selectedKeys={[selected]}
            defaultOpenKeys={selected.startsWith('/admin') ? ['admin'] : []}
            items={buildNavItems(user.role, t, user.role === 'admin' || user.role === 'chain_office' || user.statsReviewer)}
            style={{ height: '100%', borderInlineEnd: 0 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
