import { Alert, Button } from 'antd';
import { isForbidden } from '../lib/errors';
import { useT } from '../lib/i18n';

/**
 * A failed load, with the server's message (already in the user's language) and a retry button; a
 * refusal (403) says 无权访问 and offers no retry, since asking again changes nothing.
 */
export function ErrorAlert({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const t = useT();
  if (isForbidden(error)) {
    return <Alert type="warning" showIcon title={t('common.noAccess')} description={error.message} data-testid="no-access" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={error.message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
