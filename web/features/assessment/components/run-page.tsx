import { Card, Descriptions, Tabs } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useRun } from '../api/get-run';
import { ResultsTable } from './results-table';

/** A stored run: the chains in one ranking, the parks in two (national and provincial apart). */
export function RunPage() {
  const t = useT();
  const id = Number(useParams().id);
  const run = useRun(id);
  if (run.error) return <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />;
  if (!run.data) return <PageSpinner />;
  const r = run.data;
  const name = [r.schemeName, String(r.year)];
  return (
    <Card
      title={`${r.schemeName} · ${r.year} ${t('assessment.results.title')}`}
      extra={<Link to={paths.assessment.getHref()}>{t('assessment.back')}</Link>}
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('assessment.col.version')}>
          <Link to={paths.assessmentScheme.getHref(r.schemeId)}>v{r.schemeVersion}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.col.ranAt')}>{formatDateTime(r.ranAt)}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.col.ranBy')}>{r.ranBy}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.col.objects')}>{r.objectCount}</Descriptions.Item>
      </Descriptions>
      {r.kind === 'chain' ? (
        <ResultsTable rows={r.results} definition={r.definition} exportName={name} testId="assessment-results-chain" />
      ) : (
        <Tabs
          items={(['national', 'provincial'] as const).map((level) => ({
            key: level,
            label: t(`parks.level.${level}`),
            children: (
              <ResultsTable
                rows={r.results.filter((o) => o.level === level)}
                definition={r.definition}
                exportName={[...name, t(`parks.level.${level}`)]}
                testId={`assessment-results-${level}`}
              />
            ),
          }))}
        />
      )}
    </Card>
  );
}
