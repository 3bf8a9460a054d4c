import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ProjectSummaryResponse } from '../../../../shared/contracts/projects';
import { EChart } from '../../../components/echart';
import { ErrorAlert } from '../../../components/error-alert';
import { SectionTabs } from '../../../components/section-tabs';
import { formatPercent, formatYi } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useProjectSummary } from '../api/get-project-summary';
import { useYearParam, YearSelect } from './year-select';

type RateKey = keyof ProjectSummaryResponse['rates'];
const RATE_KEYS: readonly RateKey[] = ['performance', 'started', 'inProduction', 'fundsArrived', 'annualInvestment'];
/** A fraction as a percentage with one decimal, for the chart. */
const percent = (r: number | null | undefined) => (r === null || r === undefined ? null : Math.round(r * 1000) / 10);

/**
 * 招商引资 KPI dashboard for a year, over the caller's projects: 新增重大项目 (count and total
 * investment), signed projects and amounts, the five rates, and what the firms that came through the
 * pipeline produced (published figures).
 */
export function KpiDashboardPage() {
  const t = useT();
  const { locale } = useLocale();
  const year = useYearParam();
  const summary = useProjectSummary({ year });
  const s = summary.data;
  const stat = (testId: string, title: string, value: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value} styles={{ content: { fontSize: 20 } }} />
      </Card>
    </Col>
  );

  return (
    <SectionTabs section="projects" extra={<YearSelect />}>
      {summary.error ? <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      <Row gutter={[12, 12]} data-testid="kpi-cards">
        {stat('kpi-major-count', t('projects.kpi.majorNew'), s ? String(s.majorNew.count) : '—')}
        {stat('kpi-major-investment', t('projects.kpi.majorInvestment'), formatYi(s?.majorNew.totalInvestment, locale))}
        {stat('kpi-signed-count', t('projects.kpi.signedCount'), s ? String(s.signed.count) : '—')}
        {stat('kpi-signed-amount', t('projects.kpi.signedAmount'), formatYi(s?.signed.amount, locale))}
        {stat('kpi-pipeline-enterprises', t('projects.kpi.pipelineEnterprises'), s ? String(s.pipelineOutput.enterprises) : '—')}
        {stat('kpi-pipeline-output', t('projects.kpi.pipelineOutput'), formatYi(s?.pipelineOutput.output, locale))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {RATE_KEYS.map((key) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small" data-testid={`kpi-rate-${key}`}>
              <Statistic
                title={t(`projects.kpi.rate.${key}`)}
                value={formatPercent(s?.rates[key], locale)}
                styles={{ content: { fontSize: 20 } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('projects.kpi.ratesChart', { year })} style={{ marginTop: 16 }}>
        <EChart
          testId="kpi-rates-chart"
          option={{
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: RATE_KEYS.map((key) => t(`projects.kpi.rate.${key}`)) },
            yAxis: { type: 'value', max: 100, name: '%' },
            series: [{ type: 'bar', data: RATE_KEYS.map((key) => percent(s?.rates[key])) }],
          }}
        />
        <Typography.Paragraph type="secondary">{t('projects.kpi.definitions')}</Typography.Paragraph>
      </Card>
    </SectionTabs>
  );
}
