import { Flex, Spin } from 'antd';
import { useT } from '../lib/i18n';

/** Shown while a page's code or the session is loading. */
export function PageSpinner() {
  const t = useT();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}
