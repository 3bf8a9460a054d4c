import type { ReactNode } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { MonitoringChainsResponse } from '../../../../shared/contracts/monitoring';
import { WARNING_KINDS } from '../../../../shared/contracts/warnings';
import { paths } from '../../../config/paths';
import { formatGrowth, formatNumber, formatYi } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useWarningCounts } from '../../../hooks/use-warnings';
import { monthLabel } from '../../../lib/period-labels';
import { FigureMeta } from './figure-meta';

/** A smaller figure beside a headline one, for comparison, with a tooltip saying what it is. */
function AsideFigure({ hint, testId, children }: { hint: string; testId: string; children: ReactNode }) {
  return (
    <Tooltip title={hint}>
      <span style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.45)' }} data-testid={testId}>
        {children}
      </span>
    </Tooltip>
  );
}

/**
 * The six headline figures: total output (亿元), comparable growth, double-digit chains, firms, firms
 * left out of growth, and the month's 预警 count linking to the list (— when it cannot be loaded).
 */
export function HeadlineCards({ data }: { data: MonitoringChainsResponse }) {
  const t = useT();
  const { locale } = useLocale();
  const { total } = data;
  const warnings = useWarningCounts(data.period);
  const cards = [
    {
      key: 'total',
      title: t('monitoring.total'),
      value: formatYi(total.output, locale),
      // The plain per-chain sum beside the deduplicated total: a firm in two chains counts in both.
      suffix: (
        <AsideFigure hint={t('monitoring.chainSumHint')} testId="headline-chain-sum">
          {t('monitoring.chainSumShort', { value: formatYi(total.chainSum.output, locale) })}
        </AsideFigure>
      ),
    },
    {
      key: 'yoy',
      title: t('monitoring.yoy'),
      value: formatGrowth(total.yoy, locale),
      // The published-to-published growth beside it, smaller: for comparison, never the headline.
      suffix: (
        <AsideFigure hint={t('monitoring.publishedYoyHint')} testId="headline-published-yoy">
          {t('monitoring.publishedYoyShort', { value: formatGrowth(total.publishedYoy, locale) })}
        </AsideFigure>
      ),
    },
    {
      key: 'double-digit',
      title: t('monitoring.doubleDigit'),
      value: t('monitoring.doubleDigitValue', { count: data.doubleDigitCount, total: data.chains.length }),
    },
    { key: 'firms', title: t('monitoring.firms'), value: formatNumber(total.enterpriseCount, locale) },
    {
      key: 'excluded',
      title: <Tooltip title={t('monitoring.excludedHint')}>{t('monitoring.excluded')}</Tooltip>,
      value: formatNumber(total.excludedFromGrowth, locale),
    },
    {
      key: 'warnings',
      title: (
        <Tooltip title={warnings.error ? t('warnings.cardFailed') : t('warnings.cardHint')}>
          <Link to={paths.warnings.getHref(data.period)} data-testid="headline-warnings-link">
            {t('warnings.card')}
          </Link>
        </Tooltip>
      ),
      value: formatNumber(warnings.data?.total, locale),
    },
  ];
  const slips = warnings.data?.unit_slip ?? 0;
  return (
    <Card>
      {slips > 0 ? (
        // Every total of the month is distorted until a suspected unit slip is checked: say so first.
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="headline-unit-slip"
          title={t('monitoring.unitSlipAlert', { count: slips, period: monthLabel(t, data.period) })}
          action={
            <Link to={paths.warnings.getHref(data.period, 'unit_slip')}>
              <Button size="small">{t('monitoring.unitSlipOpen')}</Button>
            </Link>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col key={card.key} xs={12} md={8} xl={4}>
            <Statistic
              title={card.title}
              value={card.value}
              suffix={'suffix' in card ? card.suffix : undefined}
              data-testid={`headline-${card.key}`}
            />
          </Col>
        ))}
      </Row>
      {warnings.data ? (
        // The month's 预警 by kind, each linking to its list.
        <Flex wrap gap={16} style={{ marginTop: 8 }} data-testid="headline-warning-kinds">
          <span>{t('warnings.card')}:</span>
          {WARNING_KINDS.map((kind) => (
            <Link key={kind} to={paths.warnings.getHref(data.period, kind)} data-testid={`headline-warnings-${kind}`}>
              {`${t(`warnings.kind.${kind}`)} ${formatNumber(warnings.data?.[kind], locale)}`}
            </Link>
          ))}
        </Flex>
      ) : null}
      <FigureMeta period={data.period} range={data.range} unit={t('monitoring.unitYi')} asOf={data.asOf} />
    </Card>
  );
}
