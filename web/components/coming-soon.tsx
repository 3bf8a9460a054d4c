import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { paths } from '../config/paths';
import type { WorkModule } from '../config/modules';
import { useT } from '../lib/i18n';

/** Placeholder of a module not built yet: what it will do and where to go meanwhile. */
export function ComingSoon({ module }: { module: WorkModule }) {
  const t = useT();
  return (
    <Result
      status="info"
      data-testid="coming-soon"
      title={`${t(`nav.${module}`)} · ${t('common.comingSoon')}`}
      subTitle={
        <>
          <div>{t(`comingSoon.${module}`)}</div>
          <div>{t('common.comingSoonHint')}</div>
        </>
      }
      extra={
        <Link to={paths.home.getHref()}>
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
