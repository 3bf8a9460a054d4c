import { Alert, Card, Flex } from 'antd';
import { Navigate } from 'react-router';
import { PageSpinner } from '../../../components/page-spinner';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { FiguresImportPage } from './figures-import-page';
import { FirmLookup } from './firm-lookup';

/**
 * 数据填报: statistics staff (admin) and chain offices import files here; an enterprise account goes
 * straight to its own months; everyone else looks a firm up (the server enforces all of it).
 */
export function FiguresHome() {
  const t = useT();
  const me = useMe();
  if (!me.data) return <PageSpinner />;
  const { user } = me.data;
  if (user.role === 'enterprise') {
    const own = user.scopes.find((s) => s.kind === 'enterprise')?.ref;
    if (own) return <Navigate to={paths.figuresOfEnterprise.getHref(own)} replace />;
  }
  if (user.role === 'admin' || user.role === 'chain_office') return <FiguresImportPage csrfToken={me.data.csrfToken} />;
  return (
    <Card title={t('figures.lookup.title')}>
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title={t('figures.import.noImportRight')} />
        <FirmLookup />
      </Flex>
    </Card>
  );
}
