import { Progress, Spin } from 'antd';
import type { Job } from '../../shared/contracts/jobs';

/**
 * What a long job on the server is doing: a spinner with its message while it waits (or before it is
 * first read: `waiting`), then its percentage with what it does now (rows read, checking, writing).
 */
export function JobProgress({ job, waiting, testId }: { job: Job | null; waiting: string; testId: string }) {
  if (job === null || job.status === 'queued') {
    return (
      <Spin description={job?.message ?? waiting} size="small" data-testid={testId}>
        <div style={{ height: 32 }} />
      </Spin>
    );
  }
  return <Progress percent={job.progress} status="active" format={() => job.message} data-testid={testId} />;
}
