import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { brief, type Brief, type GenerateBriefRequest } from '../../../../shared/contracts/briefs';
import { job as jobSchema, type Job } from '../../../../shared/contracts/jobs';
import { apiRequest } from '../../../lib/api-client';
import { FORM_DIALOG_META } from '../../../lib/errors';
import { answerOf, followRememberedJob, rememberedJob } from '../../../lib/jobs';

/** The brief job this tab follows (a reload picks it up again: `useResumedBrief`). */
const runningBrief = rememberedJob<{ startedAt: string }>('brief-generate');

/** Follows a brief's job to the brief it made, or rejects with the generation's error. */
async function followBrief(id: string, onProgress?: (job: Job) => void): Promise<Brief> {
  const ended = await followRememberedJob(runningBrief, id, onProgress);
  return answerOf(ended, (status, body) => (status === 201 ? brief.safeParse(body).data : undefined));
}

/**
 * Generates a brief of a month for the city, a chain or a county (a 初步 one for data staff) as a
 * job (`POST /api/jobs/briefs`, 202; any server instance runs it), followed to the brief.
 */
export async function generateBrief(body: GenerateBriefRequest, onProgress?: (job: Job) => void): Promise<Brief> {
  const started = await apiRequest('/api/jobs/briefs', { method: 'POST', body, schema: jobSchema });
  runningBrief.set({ id: started.id, startedAt: started.createdAt });
  return followBrief(started.id, onProgress);
}

/** A mutation whose running job's progress is kept (null when none runs). */
function useBriefJob<V>(run: (variables: V, onProgress: (job: Job) => void) => Promise<Brief>, meta?: Record<string, unknown>) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<Job | null>(null);
  const mutation = useMutation({
    meta,
    mutationFn: (variables: V) => run(variables, setProgress),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['briefs', 'list'] }),
  });
  return { ...mutation, progress: mutation.isPending ? progress : null };
}

/** 生成简报: the mutation and the running job's progress. */
export function useGenerateBrief() {
  return useBriefJob(generateBrief, FORM_DIALOG_META);
}

/**
 * A brief job started before the page was reloaded: followed from the page's opening (its progress,
 * then the brief or the error); idle when there is none.
 */
export function useResumedBrief() {
  const resumed = useBriefJob(followBrief);
  const { mutate } = resumed;
  useEffect(() => {
    const running = runningBrief.get();
    if (running) mutate(running.id);
  }, [mutate]);
  return resumed;
}
