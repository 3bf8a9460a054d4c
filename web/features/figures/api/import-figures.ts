import {
  importProgress,
  importRejectedResponse,
  importReport,
  type ImportProgress,
  type ImportReport,
  type MoneyUnit,
} from '../../../../shared/contracts/figures';
import { job as jobSchema, type Job } from '../../../../shared/contracts/jobs';
import { followJob, jobError } from '../../../lib/jobs';
import { uploadFile } from '../../../lib/upload-file';
import { useImportMutation } from '../../../lib/api-query';

/** The largest file the server reads (checked here too, so nobody waits for a doomed upload). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export type ImportOptions = { dryRun: boolean; acceptWarnings: boolean; period?: string; unit: MoneyUnit };

export type ImportFiguresInput = {
  file: File;
  options: ImportOptions;
  csrfToken: string | null;
  /** Upload progress, 0–100; at 100 the server is still checking and writing. */
  onProgress?: (percent: number) => void;
  /** The server's progress once the file is up: rows read, checking, months written. */
  onServerProgress?: (progress: ImportProgress) => void;
};

export type ImportFiguresJobInput = {
  /** A new upload, or null to follow `resumeJobId` (a job started before the page was reloaded). */
  file: File | null;
  resumeJobId?: string;
  options: ImportOptions;
  csrfToken: string | null;
  onProgress?: (percent: number) => void;
  /** The job's id as soon as the server has it (kept so a reload can follow it). */
  onJob?: (id: string) => void;
  /** The job as read while it runs: status, percentage and what it does now. */
  onJobProgress?: (job: Job) => void;
};

function queryOf(options: ImportOptions): string {
  const query = new URLSearchParams({ dryRun: String(options.dryRun), acceptWarnings: String(options.acceptWarnings), unit: options.unit });
  if (options.period) query.set('period', options.period);
  return query.toString();
}

/**
 * Uploads a monthly-figures file (multipart) and returns the server's report, also when the file
 * has row errors (the server answers 400 with the report). Other failures reject with an ApiError.
 */
export function importFigures(input: ImportFiguresInput): Promise<ImportReport> {
  const { onServerProgress } = input;
  return uploadFile({
    url: `/api/figures/import?${queryOf(input.options)}${onServerProgress ? '&progress=true' : ''}`,
    file: input.file,
    csrfToken: input.csrfToken,
    onProgress: input.onProgress,
    onServerProgress: onServerProgress
      ? (line) => {
          const progress = importProgress.safeParse(line);
          if (progress.success) onServerProgress(progress.data);
        }
      : undefined,
    accept: (status, body) => {
      const report = status === 200 ? importReport.safeParse(body) : status === 400 ? importRejectedResponse.safeParse(body) : null;
      return report?.success ? report.data : undefined;
    },
  });
}

/** The report of an ended import job (the answer the synchronous import gives), or its error. */
function reportOf(ended: Job): ImportReport {
  const answer = ended.result;
  const report =
    answer?.status === 200
      ? importReport.safeParse(answer.body)
      : answer?.status === 400
        ? importRejectedResponse.safeParse(answer.body)
        : null;
  if (report?.success) return report.data;
  throw jobError(ended);
}

/**
 * Uploads the file as a job (`POST /api/figures/import?job=true`, 202): the file is kept with the job
 * in the database and any server instance runs it; then follows the job to its report.
 */
export async function importFiguresAsJob(input: ImportFiguresJobInput): Promise<ImportReport> {
  let id = input.resumeJobId;
  if (input.file) {
    const started = await uploadFile({
      url: `/api/figures/import?${queryOf(input.options)}&job=true`,
      file: input.file,
      csrfToken: input.csrfToken,
      onProgress: input.onProgress,
      accept: (status, body) => (status === 202 ? jobSchema.safeParse(body).data : undefined),
    });
    id = started.id;
  }
  if (!id) throw new Error('importFiguresAsJob: no file and no job to follow');
  input.onJob?.(id);
  return reportOf(await followJob(id, input.onJobProgress));
}

export function useImportFigures() {
  return useImportMutation(importFigures, ['figures']);
}

export function useImportFiguresJob() {
  return useImportMutation(importFiguresAsJob, ['figures']);
}
