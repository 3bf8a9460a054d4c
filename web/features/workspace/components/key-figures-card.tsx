import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import type { KeyFigureKey, KeyFigures } from '../../../../shared/contracts/workspace';
import { formatDateTime, formatGrowth, formatNumber, formatYiNumber } from '../../../lib/format';
import { useLocale, useT, type Translate } from '../../../lib/i18n';
import { periodRangeLabel } from '../../../lib/period-labels';

type Shown = { value: string; suffix: string };

function shownOf(key: KeyFigureKey, value: number | null, locale: 'zh-CN' | 'en', t: Translate): Shown {
  switch (key) {
    case 'output':
      return { value: formatYiNumber(value, locale), suffix: t('monitoring.unitYi') };
    case 'growth':
      return { value: formatGrowth(value, locale), suffix: '' };
    case 'firms':
      return { value: formatNumber(value, locale, 0), suffix: t('workspace.unit.firms') };
    case 'chains':
    case 'double_digit':
      return { value: formatNumber(value, locale, 0), suffix: t('workspace.unit.chains') };
  }
}

/**
 * The key figures of the caller's scope, one card each (never a chart of one bar), under the line
 * that says what they are: the months, the publication status and the as-of time.
 */
export function KeyFiguresCard({ figures }: { figures: KeyFigures | null }) {
  const t = useT();
  const { locale } = useLocale();
  if (figures === null) {
    return (
      <Card title={t('workspace.keyFigures')} data-testid="home-key-figures">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workspace.keyFiguresNone')} />
      </Card>
    );
  }
  const meta = t('workspace.keyFiguresMeta', {
    period: periodRangeLabel(t, figures.period, 'ytd'),
    status: t(`periods.status.${figures.status}`),
    asOf: formatDateTime(figures.asOf),
  });
  return (
    <Card title={t('workspace.keyFigures')} data-testid="home-key-figures">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="home-key-figures-meta">
        {meta}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {figures.items.map((item) => {
          const shown = shownOf(item.key, item.value, locale, t);
          return (
            <Col key={item.key} xs={12} md={8} xl={4}>
              <Statistic title={t(`workspace.key.${item.key}`)} value={shown.value} suffix={shown.suffix} data-testid={`key-${item.key}`} />
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
