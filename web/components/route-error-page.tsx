import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useT } from '../lib/i18n';

/** Shown when a page fails to render or its code cannot be loaded (for example after an upgrade). */
export function RouteErrorPage() {
  const error = useRouteError();
  const t = useT();
  return (
    <Result
      status="error"
      title={t('common.pageError')}
      subTitle={
        <>
          <div>{t('common.pageErrorHint')}</div>
          {error instanceof Error ? <code>{error.message}</code> : null}
        </>
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
