import { Typography } from 'antd';
import type { MonitoringRange } from '../../../../shared/stats/period';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { periodRangeLabel } from '../../../lib/period-labels';

/** The line under every figure: its period and range, unit and as-of time in Beijing. */
export function FigureMeta({ period, range, unit, asOf }: { period: string; range: MonitoringRange; unit: string; asOf: string | null }) {
  const t = useT();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="figure-meta">
      {t('monitoring.meta', { period: periodRangeLabel(t, period, range), unit, asOf: formatDateTime(asOf) })}
    </Typography.Text>
  );
}
