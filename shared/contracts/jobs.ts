import { z } from 'zod';
import { errorResponse } from './common.js';

/** The long jobs that run through the job queue (server/modules/jobs). */
export const JOB_KINDS = [
  'figures_import',
  'enterprises_import',
  'projects_import',
  'chain_list_import',
  'period_publish',
  'brief_generate',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobParams = z.object({ id: z.uuid() });

export const job = z.object({
  id: z.uuid(),
  kind: z.enum(JOB_KINDS),
  status: z.enum(JOB_STATUSES),
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  /** What the job is doing now, in the starter's language. */
  message: z.string(),
  /** The answer the synchronous route would have given: its HTTP status and body. */
  result: z.object({ status: z.number().int(), body: z.unknown() }).nullable(),
  /** Why it failed, in the one error format. */
  error: errorResponse.shape.error.nullable(),
  startedBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The instance that ran (or runs) it. */
  runner: z.string().nullable(),
});
export type Job = z.infer<typeof job>;
