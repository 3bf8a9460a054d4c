import { Button, Flex, Result, Select, Space, Spin } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { AGENDA_READER_ROLES } from '../../../../shared/contracts/agenda';
import { roleIn } from '../../../../shared/roles';
import { ErrorAlert } from '../../../components/error-alert';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useChain } from '../api/get-chain';
import { currentYear, readYear } from '../../../lib/current-year';
import { ChainEdgesCard } from './chain-edges-card';
import { ChainEnterprisesCard } from './chain-enterprises-card';
import { ChainFactsCard } from './chain-facts-card';
import { ChainListsCard } from './chain-lists-card';
import { ChainMapGapsCard } from './chain-map-gaps-card';
import { ChainNodesCard } from './chain-nodes-card';
import { ChainTargetsCard } from './chain-targets-card';

/**
 * A chain's page: facts (chief, office, departments, hosts, masters), yearly targets, the map with
 * node statuses for the chosen 规上 year, its nodes and edges (editable by the chain's users), and
 * the firms on the chain.
 */
export function ChainPage() {
  const t = useT();
  const { code = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const role = useMe().data?.user.role;
  const readsAgenda = roleIn(AGENDA_READER_ROLES, role);
  const year = readYear(searchParams.get('year'));
  const chain = useChain(code, year);

  if (chain.error) {
    const missing = chain.error instanceof ApiError && (chain.error.status === 404 || chain.error.status === 403);
    return missing ? (
      <Result
        status={chain.error instanceof ApiError && chain.error.status === 403 ? '403' : '404'}
        title={chain.error.message}
        extra={
          <Link to={paths.chains.getHref()}>
            <Button type="primary">{t('chains.back')}</Button>
          </Link>
        }
      />
    ) : (
      <ErrorAlert error={chain.error} onRetry={() => void chain.refetch()} />
    );
  }
  if (!chain.data) return <Spin style={{ display: 'block', padding: 64 }} />;
  const data = chain.data;
  // After a version conflict an edit dialog loads the chain again, staying open.
  const reload = async () => (await chain.refetch()).data;
  const years = Array.from({ length: currentYear() + 1 - 2022 + 1 }, (_, i) => currentYear() + 1 - i);

  return (
    <Flex vertical gap={16} data-testid="chain-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space>
          <Link to={paths.chains.getHref()}>← {t('chains.back')}</Link>
          {readsAgenda ? (
            <Link to={paths.problemAgenda.getHref(data.code)} data-testid="chain-agenda-link">
              {t('agenda.link')}
            </Link>
          ) : null}
        </Space>
        <Space>
          <span>{t('chains.year')}</span>
          <Select<number>
            value={year}
            style={{ width: 110 }}
            data-testid="chain-year"
            options={years.map((y) => ({ value: y, label: String(y) }))}
            onChange={(next) => setSearchParams(next === currentYear() ? {} : { year: String(next) }, { replace: true })}
          />
        </Space>
      </Flex>
      <ChainFactsCard chain={data} reload={reload} />
      <ChainMapGapsCard code={data.code} chain={data} reload={reload} />
      <ChainListsCard chain={data} />
      <ChainNodesCard chain={data} reload={reload} />
      <ChainEdgesCard chain={data} />
      <ChainTargetsCard chain={data} reload={reload} />
      <ChainEnterprisesCard chain={data} />
    </Flex>
  );
}
