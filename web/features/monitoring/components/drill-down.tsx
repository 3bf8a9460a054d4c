import { useState, type ReactNode } from 'react';
import { Button } from 'antd';
import type { MonitoringRange } from '../../../../shared/stats/period';
import { ErrorAlert } from '../../../components/error-alert';
import { useT } from '../../../lib/i18n';
import { useMonitoringBreakdown } from '../api/get-monitoring-breakdown';
import { BreakdownTable, type GrowthRow } from './breakdown-table';
import { EnterpriseRanking } from './enterprise-ranking';

type Picked = { code: string; name: string };

/** One county or one park: every level of the drill-down stays within it. */
export type DrillArea = { region?: string; park?: number };

type DrillDownProps = {
  period: string;
  range: MonitoringRange;
  /** The chains to start from, with their figures. */
  chains: readonly GrowthRow[];
  loading?: boolean;
  asOf: string | null;
  area?: DrillArea;
  title: ReactNode;
  /** Used in the Excel file names. */
  exportName: string;
  /** Prefix of the test ids (`<testId>-chains`, `<testId>-nodes`, `<testId>-ranking-table`). */
  testId?: string;
  /** Shown beside the chain list (e.g. a way back to the county list). */
  extra?: ReactNode;
};

/** Chain → its nodes → the node's firm ranking, optionally within one county or park; a back button climbs one level. */
export function DrillDown({
  period,
  range,
  chains,
  loading = false,
  asOf,
  area,
  title,
  exportName,
  testId = 'drill',
  extra,
}: DrillDownProps) {
  const t = useT();
  const [chain, setChain] = useState<Picked | null>(null);
  const [node, setNode] = useState<Picked | null>(null);
  const nodes = useMonitoringBreakdown({ period, range, by: 'node', chain: chain?.code, ...area }, chain !== null);
  const header = { period, range, asOf };
  const back = (onClick: () => void) => (
    <Button size="small" onClick={onClick} data-testid={`${testId}-back`}>
      {t('monitoring.back')}
    </Button>
  );

  if (chain && node) {
    return (
      <EnterpriseRanking
        period={period}
        range={range}
        chain={chain.code}
        node={Number(node.code)}
        region={area?.region}
        park={area?.park}
        title={`${t('monitoring.drillFirms', { chain: chain.name })} · ${node.name}`}
        extra={back(() => setNode(null))}
        testId={testId === 'drill' ? 'ranking' : `${testId}-ranking`}
      />
    );
  }
  if (chain) {
    return (
      <>
        {nodes.error ? <ErrorAlert error={nodes.error} onRetry={() => void nodes.refetch()} /> : null}
        <BreakdownTable
          title={t('monitoring.drillNodes', { chain: chain.name })}
          exportName={`${exportName}-${chain.name}-${t('monitoring.node')}`}
          nameTitle={t('monitoring.node')}
          rows={nodes.data?.rows ?? []}
          loading={nodes.isFetching}
          header={{ ...header, asOf: nodes.data?.asOf ?? asOf }}
          testId={`${testId}-nodes`}
          extra={back(() => setChain(null))}
          onOpen={(row: GrowthRow) => setNode({ code: row.code, name: row.name })}
        />
      </>
    );
  }
  return (
    <BreakdownTable
      title={title}
      exportName={exportName}
      nameTitle={t('monitoring.chain')}
      rows={[...chains]}
      loading={loading}
      header={header}
      testId={`${testId}-chains`}
      extra={extra}
      onOpen={(row) => setChain({ code: row.code, name: row.name })}
    />
  );
}
