import { job, type Job } from '../../shared/contracts/jobs';
import { apiRequest, ApiError } from './api-client';

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
