import { useState } from 'react';
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, Result, Typography } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { CurrentUser } from '../../../shared/contracts/auth';
import { LanguageSwitch } from '../../components/language-switch';
import { PageSpinner } from '../../components/page-spinner';
import { paths } from '../../config/paths';
import { useMe } from '../../hooks/use-me';
import { UserMenu } from '../../features/auth/components/user-menu';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { useT } from '../../lib/i18n';
import { buildNavItems, openGroupOf, selectedNavKey } from './nav-items';

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

/**
 * The frame of every page. From 768 px the menu is a side bar (collapsed to its icons, with the labels
 * as tooltips, under 992 px or by its "<" button); under 768 px it is a drawer opened by the header's
 * menu button, and the header keeps to one line (the title shortens with an ellipsis, the tagline goes).
 */
function ShellLayout({ user }: { user: CurrentUser }) {
  const t = useT();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: lay out for a wide screen.
  const phone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const selected = selectedNavKey(location.pathname);

  const menu = (inDrawer: boolean) => (
    <Menu
      mode="inline"
      data-testid="side-menu"
      aria-label={t('nav.menu')}
      selectedKeys={[selected]}
      defaultOpenKeys={openGroupOf(selected)}
      items={buildNavItems(user, t)}
      onClick={inDrawer ? () => setDrawerOpen(false) : undefined}
      style={{ height: '100%', borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          paddingInline: phone ? 8 : 24,
          background: '#fff',
          borderBottom: '1px solid #e8e8e8',
        }}
      >
        <Flex align="center" gap={phone ? 4 : 12} style={{ minWidth: 0, flex: '1 1 auto' }}>
          {phone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.openMenu')}
              data-testid="menu-button"
              onClick={() => setDrawerOpen(true)}
            />
          ) : null}
          <Typography.Title
            level={4}
            ellipsis
            style={{ margin: 0, color: '#1656c2', whiteSpace: 'nowrap', flex: '0 1 auto', minWidth: 0 }}
            data-testid="app-title"
          >
            {t('app.name')}
          </Typography.Title>
          {phone ? null : (
            <Typography.Text type="secondary" ellipsis style={{ minWidth: 0 }}>
              {t('app.tagline')}
            </Typography.Text>
          )}
        </Flex>
        <Flex align="center" gap={phone ? 4 : 16} style={{ flex: '0 0 auto' }}>
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu user={user} compact={phone} />
        </Flex>
      </Layout.Header>
      <Layout>
        {phone ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            {menu(true)}
          </Drawer>
        ) : (
          <Layout.Sider theme="light" width={200} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg">
            {menu(false)}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
