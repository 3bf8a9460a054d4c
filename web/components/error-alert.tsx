import { Alert, Button } from 'antd';
import { useT } from '../lib/i18n';

/** A failed load, with the server's message (already in the user's language) and a retry button. */
export function ErrorAlert({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const t = useT();
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
