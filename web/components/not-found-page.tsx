import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { paths } from '../config/paths';
import { useT } from '../lib/i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to={paths.home.getHref()}>
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
