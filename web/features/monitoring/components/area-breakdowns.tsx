import { useState } from 'react';
import { Button, Col, Row } from 'antd';
import type { MonitoringRange } from '../../../../shared/stats/period';
import { ErrorAlert } from '../../../components/error-alert';
import { useT } from '../../../lib/i18n';
import { useMonitoringBreakdown } from '../api/get-monitoring-breakdown';
import { BreakdownTable } from './breakdown-table';
import { DrillDown, type DrillArea } from './drill-down';

type PickedArea = { kind: 'region' | 'park'; code: string; name: string };

/** The firms outside every park form one row of the park view; it has no park to drill into. */
const NO_PARK = 'none';

function areaFilter(area: PickedArea): DrillArea {
  return area.kind === 'region' ? { region: area.code } : { park: Number(area.code) };
}

/** One county's or park's chains, drillable to nodes and firms within it. */
function AreaDrill({ period, range, area, onBack }: { period: string; range: MonitoringRange; area: PickedArea; onBack: () => void }) {
  const t = useT();
  const filter = areaFilter(area);
  const chains = useMonitoringBreakdown({ period, range, by: 'chain', ...filter });
  // Chains without a firm in the area are left out: a county has a few of the fifteen.
  const rows = (chains.data?.rows ?? []).filter((row) => row.enterpriseCount > 0);
  return (
    <>
      {chains.error ? <ErrorAlert error={chains.error} onRetry={() => void chains.refetch()} /> : null}
      <DrillDown
        key={`${area.kind}-${area.code}`}
        period={period}
        range={range}
        chains={rows}
        loading={chains.isFetching}
        asOf={chains.data?.asOf ?? null}
        area={filter}
        title={t('monitoring.areaChains', { area: area.name })}
        exportName={`${area.name}-${t('monitoring.chain')}`}
        testId="area-drill"
        extra={
          <Button size="small" onClick={onBack} data-testid="area-drill-close">
            {t('monitoring.back')}
          </Button>
        }
      />
    </>
  );
}

/**
 * The county view and the park view: chain output and growth by 县市区 and by 园区. A county or
 * park opens its chains, then a chain's nodes and firms within it.
 */
export function AreaBreakdowns({ period, range }: { period: string; range: MonitoringRange }) {
  const t = useT();
  const [picked, setPicked] = useState<PickedArea | null>(null);
  const regions = useMonitoringBreakdown({ period, range, by: 'region' });
  const parks = useMonitoringBreakdown({ period, range, by: 'park' });
  if (picked) return <AreaDrill period={period} range={range} area={picked} onBack={() => setPicked(null)} />;
  const views = [
    { kind: 'region' as const, title: t('monitoring.county'), query: regions },
    { kind: 'park' as const, title: t('monitoring.park'), query: parks },
  ];
  return (
    <Row gutter={[16, 16]}>
      {views.map(({ kind, title, query }) => (
        <Col key={kind} xs={24} xl={12}>
          {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
          <BreakdownTable
            title={`${title} · ${t('monitoring.areaHint')}`}
            exportName={title}
            nameTitle={title}
            rows={query.data?.rows ?? []}
            loading={query.isFetching}
            header={{ period, range, asOf: query.data?.asOf ?? null }}
            testId={`breakdown-${kind}`}
            onOpen={(row) => setPicked({ kind, code: row.code, name: row.name })}
            canOpen={(row) => row.code !== NO_PARK}
          />
        </Col>
      ))}
    </Row>
  );
}
