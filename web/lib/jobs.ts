import { job, type Job } from '../../shared/contracts/jobs';
import { useState } from 'react';
import { apiRequest, ApiError } from './api-client';
import { useImportMutation } from './api-query';
import { uploadFile } from './upload-file';

/** How often a running job is read again. */
const POLL_MS = 500;

/** `GET /api/jobs/:id`: a long job's status, progress, message, result or error. */
export function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(`/api/jobs/${encodeURIComponent(id)}`, { schema: job, signal });
}

/**
 * Reads a job until it has ended, telling `onProgress` each time, and resolves with the ended job
 * (succeeded, or failed with its result or error). Any instance may run it; the page may have been
 * reloaded meanwhile (the caller keeps the id).
 */
export async function followJob(id: string, onProgress?: (job: Job) => void, signal?: AbortSignal): Promise<Job> {
  for (;;) {
    const read = await getJob(id, signal);
    onProgress?.(read);
    if (read.status === 'succeeded' || read.status === 'failed') return read;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A failed job without an answer of its route, as the error the route would have thrown. */
export function jobError(ended: Job): ApiError {
  return new ApiError(
    ended.result?.status ?? 500,
    ended.error?.code ?? 'internal_error',
    ended.error?.message ?? ended.message,
    ended.error?.details,
  );
}

/** The running job of a screen, kept in the tab's session storage so a reload picks it up again. */
export function rememberedJob<T>(key: string): {
  get: () => (T & { id: string }) | null;
  set: (value: T & { id: string }) => void;
  clear: () => void;
} {
  const storageKey = `chainchief.job.${key}`;
  return {
    get: () => {
      try {
        const text = sessionStorage.getItem(storageKey);
        // Written by `set` below from the same screen's value.
        return text ? (JSON.parse(text) as T & { id: string }) : null;
      } catch {
        return null;
      }
    },
    set: (value) => sessionStorage.setItem(storageKey, JSON.stringify(value)),
    clear: () => sessionStorage.removeItem(storageKey),
  };
}

/**
 * Follows a remembered job to its end and forgets it then, or when the server no longer has it for
 * this user (4xx). Never forgotten in a `finally`: a reload cuts the read off, and the next page
 * must still find the job.
 */
export async function followRememberedJob<T>(
  remembered: ReturnType<typeof rememberedJob<T>>,
  id: string,
  onProgress?: (job: Job) => void,
): Promise<Job> {
  try {
    const ended = await followJob(id, onProgress);
    remembered.clear();
    return ended;
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) remembered.clear();
    throw error;
  }
}

/**
 * The answer of an ended job as its synchronous route gives it, taken by `accept` (as `uploadFile`'s:
 * a report, also one sent with an error status); anything else rejects with the route's error.
 */
export function answerOf<T>(ended: Job, accept: (status: number, body: unknown) => T | undefined): T {
  const answer = ended.result ? accept(ended.result.status, ended.result.body) : undefined;
  if (answer !== undefined) return answer;
  throw jobError(ended);
}

export type FileJobInput<T> = {
  /** The job route with its query string (answers 202 with the job), and the file; null to follow `resumeJobId`. */
  start: { url: string; file: File; csrfToken: string | null; onProgress?: (percent: number) => void } | null;
  /** A job started before the page was reloaded. */
  resumeJobId?: string;
  /** The job's id as soon as the server has it (kept so a reload can follow it). */
  onJob?: (id: string) => void;
  /** The job as read while it runs: status, percentage and what it does now. */
  onJobProgress?: (job: Job) => void;
  accept: (status: number, body: unknown) => T | undefined;
};

/**
 * Uploads a file to a job route (the file is kept with the job in the database and any server
 * instance runs it), or takes a job started before a reload, and follows it to its route's answer.
 */
export async function runFileJob<T>(input: FileJobInput<T>): Promise<T> {
  let id = input.resumeJobId;
  if (input.start) {
    const started = await uploadFile({ ...input.start, accept: (status, body) => (status === 202 ? job.safeParse(body).data : undefined) });
    id = started.id;
  }
  if (!id) throw new Error('runFileJob: no file and no job to follow');
  input.onJob?.(id);
  return answerOf(await followJob(id, input.onJobProgress), input.accept);
}

/**
 * An import run as a job (`run` gets the variables and where to report the job's progress): the
 * import's mutation (`useImportMutation`) and the running job as last read, null when none runs.
 */
export function useImportJob<V, R extends { written: boolean }>(
  run: (variables: V, onJobProgress: (job: Job) => void) => Promise<R>,
  invalidates: readonly unknown[],
) {
  const [progress, setProgress] = useState<Job | null>(null);
  const mutation = useImportMutation((variables: V) => {
    setProgress(null);
    return run(variables, setProgress);
  }, invalidates);
  return { ...mutation, progress: mutation.isPending ? progress : null };
}
