import { Descriptions, Typography } from 'antd';
import type { TargetTracking } from '../../../../shared/contracts/chain-map';
import { formatAmount, formatPercent } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';

/** 目标跟踪: the year's output target against the YTD output of the map's month, with the year-end projection and its method. */
export function ChainMapTracking({ tracking, period }: { tracking: TargetTracking; period: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div data-testid="chain-target-tracking" style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 5 }} title={t('chains.tracking.title', { year: tracking.year })}>
        <Descriptions.Item label={t('chains.tracking.target')}>
          {tracking.outputTarget === null ? t('chains.tracking.noTarget') : formatAmount(tracking.outputTarget, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('chains.tracking.ytd', { period })}>{formatAmount(tracking.ytd, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('chains.tracking.completion')}>{formatPercent(tracking.completion, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('chains.tracking.projection')}>{formatAmount(tracking.projection, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('chains.tracking.projectedCompletion')}>
          {formatPercent(tracking.projectedCompletion, locale)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{t('chains.tracking.method')}</Typography.Text>
    </div>
  );
}
