import { useEffect } from 'react';
import { Alert } from 'antd';
import { useNavigate } from 'react-router';
import { JobProgress } from '../../../components/job-progress';
import { ErrorAlert } from '../../../components/error-alert';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useResumedBrief } from '../api/generate-brief';

/**
 * A brief being generated when the page was reloaded: its progress while it runs, then the new brief
 * opens (or the reason it failed shows). Nothing when no brief job was running.
 */
export function BriefJobBanner() {
  const t = useT();
  const navigate = useNavigate();
  const resumed = useResumedBrief();
  const made = resumed.data?.id;
  useEffect(() => {
    if (made !== undefined) void navigate(paths.report.getHref(made));
  }, [made, navigate]);
  if (resumed.error) return <ErrorAlert error={resumed.error} />;
  if (!resumed.isPending) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="brief-job"
      title={t('briefs.generatingResumed')}
      description={<JobProgress job={resumed.progress} waiting={t('briefs.generating')} testId="brief-job-progress" />}
    />
  );
}
