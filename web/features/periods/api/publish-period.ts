import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { job as jobSchema, type Job } from '../../../../shared/contracts/jobs';
import { periodMoveResponse, type PeriodMoveResponse } from '../../../../shared/contracts/periods';
import { apiRequest } from '../../../lib/api-client';
import { followRememberedJob, jobError, rememberedJob } from '../../../lib/jobs';

/** The publication job this tab follows (a reload picks it up again). */
const runningPublication = rememberedJob<{ period: string }>('period-publish');

/**
 * Publishes (or republishes) the month as a job (`POST /api/jobs/publish/:period`, 202; any server
 * instance runs it) and follows it to the answer the synchronous route gives; refused with 409
 * while review items are open (the job's error, with the open items in its details).
 */
export async function publishPeriod(
  input: { period: string; resumeJobId?: string },
  onProgress?: (job: Job) => void,
): Promise<PeriodMoveResponse> {
  let id = input.resumeJobId;
  if (!id) {
    id = (await apiRequest(`/api/jobs/publish/${encodeURIComponent(input.period)}`, { method: 'POST', schema: jobSchema })).id;
    runningPublication.set({ id, period: input.period });
  }
  const ended = await followRememberedJob(runningPublication, id, onProgress);
  const answer = ended.status === 'succeeded' ? periodMoveResponse.safeParse(ended.result?.body) : null;
  if (answer?.success) return answer.data;
  throw jobError(ended);
}

/** The publication's mutation (`mutate(period)`) and the running job's progress, resumed after a reload. */
export function usePublishPeriod() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<Job | null>(null);
  const mutation = useMutation({
    mutationFn: (input: { period: string; resumeJobId?: string }) => publishPeriod(input, setProgress),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const { mutate } = mutation;
  useEffect(() => {
    const running = runningPublication.get();
    if (running) mutate({ period: running.period, resumeJobId: running.id });
  }, [mutate]);
  return { ...mutation, progress: mutation.isPending ? progress : null };
}
