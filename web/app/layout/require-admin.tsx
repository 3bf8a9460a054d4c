import { Result } from 'antd';
import { Outlet } from 'react-router';
import { useMe } from '../../hooks/use-me';
import { useT } from '../../lib/i18n';

/** 系统管理 pages: only the administrator; the server refuses others too, this only explains why. */
export function RequireAdmin() {
  const t = useT();
  const me = useMe();
  if (me.data?.user.role !== 'admin') {
    return <Result status="403" title={t('common.noAccess')} subTitle={t('error.forbidden')} />;
  }
  return <Outlet />;
}
